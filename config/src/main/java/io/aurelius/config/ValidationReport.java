package io.aurelius.config;

import static java.util.Objects.requireNonNull;

import io.aurelius.config.validation.Problem;
import java.util.List;
import java.util.Optional;

/** Every problem found in a document, and the compiled configuration when there were none. */
public record ValidationReport(List<Problem> problems, Optional<CompiledConfig> config) {
  public ValidationReport {
    problems = List.copyOf(problems);
    requireNonNull(config, "config");
    if (problems.isEmpty() != config.isPresent()) {
      throw new IllegalArgumentException("a report has problems or a configuration, not both");
    }
  }

  public boolean valid() {
    return problems.isEmpty();
  }
}
