package io.aurelius.config.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** Who may take an action: every agent (JSON {@code ["*"]}) or the named agents. */
public record Actors(boolean everyone, List<String> names) {
  public static final Actors EVERYONE = new Actors(true, List.of());

  public Actors {
    names = List.copyOf(names);
    if (everyone && !names.isEmpty()) {
      throw new IllegalArgumentException("actors: either everyone or names, not both");
    }
  }

  public static Actors named(List<String> names) {
    requireNonNull(names, "names");
    return new Actors(false, names);
  }

  public boolean includes(String agent) {
    return everyone || names.contains(agent);
  }
}
