package io.aurelius.miner.intake;

import static java.util.Objects.requireNonNull;

import io.aurelius.config.CompiledConfig;
import java.util.List;

/** Whether a configuration may enter (or be served from) the library. */
public sealed interface IntakeResult {
  /** Accepted; {@code warnings} are lint findings tolerated outside strict mode. */
  record Accepted(CompiledConfig config, List<String> warnings) implements IntakeResult {
    public Accepted {
      requireNonNull(config, "config");
      warnings = List.copyOf(warnings);
    }
  }

  /** Refused, with every problem on one line each ({@code $.path: what (expected: …)}). */
  record Refused(List<String> problems) implements IntakeResult {
    public Refused {
      problems = List.copyOf(problems);
      if (problems.isEmpty()) {
        throw new IllegalArgumentException("a refusal has at least one problem");
      }
    }

    /** The first problem, with a count of the rest. */
    public String summary() {
      int more = problems.size() - 1;
      return problems.get(0) + (more > 0 ? " (and " + more + " more problems)" : "");
    }
  }
}
