package io.aurelius.config.model;

import java.util.Optional;

/**
 * In a decision phase agents act; in a reflection phase they reflect, and only actions that name
 * the phase explicitly (such as an imported forced choice) are offered.
 */
public enum PhaseMode {
  DECISION("decision"),
  REFLECTION("reflection");

  private final String json;

  PhaseMode(String json) {
    this.json = json;
  }

  public String json() {
    return json;
  }

  public static Optional<PhaseMode> fromJson(String spelling) {
    for (PhaseMode m : values()) {
      if (m.json.equals(spelling)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }
}
