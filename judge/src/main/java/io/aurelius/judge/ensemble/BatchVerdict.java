package io.aurelius.judge.ensemble;

import static java.util.Objects.requireNonNull;

import io.aurelius.judge.port.JudgeDescriptor;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The ensemble's verdict on a batch.
 *
 * @param rubric the rubric's label and content id, e.g. {@code dlv-v1 3f2a…}
 * @param dropped judges dropped from this batch and why
 * @param alpha Krippendorff's interval alpha among the active judges, per heuristic key and for
 *     {@code dlv}; empty where undefined (fewer than two judges, or no variation)
 * @param statuses per judge, how many outcomes of each status
 * @param reputation the reputation book after this batch
 */
public record BatchVerdict(
    String rubric,
    List<JudgeDescriptor> judges,
    List<AeneVerdict> aenes,
    List<CanaryVerdict> canaries,
    Map<String, String> dropped,
    Map<String, Optional<Double>> alpha,
    Map<String, Map<String, Integer>> statuses,
    ReputationBook reputation) {
  public BatchVerdict {
    requireNonNull(rubric, "rubric");
    judges = List.copyOf(judges);
    aenes = List.copyOf(aenes);
    canaries = List.copyOf(canaries);
    dropped = Collections.unmodifiableMap(new TreeMap<>(dropped));
    alpha = Collections.unmodifiableMap(new TreeMap<>(alpha));
    statuses = Collections.unmodifiableMap(new TreeMap<>(statuses));
    requireNonNull(reputation, "reputation");
  }

  /** True if every canary stayed below the ceiling. */
  public boolean canariesHeld() {
    return canaries.stream().allMatch(CanaryVerdict::passed);
  }
}
