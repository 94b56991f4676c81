package io.aurelius.judge.ensemble;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Each judge's reputation in [0, 1], by judge id. Immutable; updates return a new book. */
public record ReputationBook(Map<String, Double> reputations) {
  public ReputationBook {
    TreeMap<String, Double> copy = new TreeMap<>();
    reputations.forEach(
        (k, v) -> {
          if (!Double.isFinite(v) || v < 0 || v > 1) {
            throw new IllegalArgumentException(
                "reputation of " + k + ": " + v + " (expected: 0..1)");
          }
          copy.put(requireNonNull(k, "judge"), v);
        });
    reputations = Collections.unmodifiableMap(copy);
  }

  public static ReputationBook empty() {
    return new ReputationBook(Map.of());
  }

  public double of(String judge, EnsemblePolicy policy) {
    return reputations.getOrDefault(judge, policy.prior());
  }

  /**
   * The book after one batch: judges with an agreement move toward it by λ; judges listed with no
   * agreement (absent, or every call failed) decay toward the prior.
   */
  public ReputationBook update(Map<String, Optional<Double>> agreements, EnsemblePolicy policy) {
    TreeMap<String, Double> next = new TreeMap<>(reputations);
    agreements.forEach(
        (judge, agreement) -> {
          double r = of(judge, policy);
          double updated =
              agreement
                  .map(a -> r + policy.learningRate() * (Math.max(0, Math.min(1, a)) - r))
                  .orElse(r + policy.decay() * (policy.prior() - r));
          next.put(judge, Math.max(0, Math.min(1, updated)));
        });
    return new ReputationBook(next);
  }
}
