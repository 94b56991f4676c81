package io.aurelius.config.validation;

import java.util.List;

/**
 * A configuration that is not valid. {@link #problems()} lists every problem found; the message is
 * the first one on one line, with a count of the rest.
 */
public final class ConfigInvalidException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<Problem> problems;

  public ConfigInvalidException(String what, List<Problem> problems) {
    super(summary(what, problems));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }

  private static String summary(String what, List<Problem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an invalid configuration has at least one problem");
    }
    String more = problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problems)" : "";
    return what + ": " + problems.get(0) + more;
  }
}
