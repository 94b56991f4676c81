package io.aurelius.worldmodel.mechanics;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * What one step may spend on mechanics: CPU time inside CEL and the number of evaluations. cel-java
 * has no cost limit of its own, so this is checked between evaluations: once spent, the step's
 * remaining mechanics are skipped and recorded. The evaluation count is exact and the same on every
 * node; the CPU time is a safety valve against pathological expressions, set well above what any
 * sane step needs, because CPU time differs between machines and a run that hits it is not
 * reproducible.
 */
public record StepBudget(Duration celTime, int maxEvaluations) {
  public static final StepBudget DEFAULT = new StepBudget(Duration.ofSeconds(1), 20_000);

  public StepBudget {
    requireNonNull(celTime, "celTime");
    if (celTime.isNegative()) {
      throw new IllegalArgumentException("celTime: " + celTime + " (expected: >= 0)");
    }
    if (maxEvaluations < 0) {
      throw new IllegalArgumentException("maxEvaluations: " + maxEvaluations + " (expected: >= 0)");
    }
  }
}
