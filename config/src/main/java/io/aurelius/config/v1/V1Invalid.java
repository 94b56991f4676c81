package io.aurelius.config.v1;

import io.aurelius.config.validation.Problem;
import java.util.List;

/**
 * A document that cannot be imported from or exported to SN37 v1: every problem, each with its path
 * (a v1 path for imports and for checks of an export's output, a format path otherwise).
 */
public final class V1Invalid extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<Problem> problems;

  public V1Invalid(String what, List<Problem> problems) {
    super(
        what
            + ": "
            + problems.get(0)
            + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problems)" : ""));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
