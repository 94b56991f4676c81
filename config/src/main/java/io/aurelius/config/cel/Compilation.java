package io.aurelius.config.cel;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** The outcome of compiling one expression: a program, or every problem found. */
public sealed interface Compilation {
  record Compiled(CompiledExpression expression) implements Compilation {
    public Compiled {
      requireNonNull(expression, "expression");
    }
  }

  record Failed(List<CelProblem> problems) implements Compilation {
    public Failed {
      problems = List.copyOf(problems);
      if (problems.isEmpty()) {
        throw new IllegalArgumentException("a failed compilation has at least one problem");
      }
    }
  }
}
