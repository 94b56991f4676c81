package io.aurelius.worldmodel.outcome;

import java.util.List;

/**
 * What one run did to its world, under an outcome map, each in its own range.
 *
 * @param utilityChange mean over agents of their utility change, −1..1 (each variable's change over
 *     its declared range, negated when lower is better)
 * @param lifeChange the same for life and health, −1..1
 * @param rawls the worst-off group's loss against its baseline, 0..1 (0 when no group lost)
 * @param gini the Gini coefficient of the groups' outcome levels (½ + ½·change), 0..1
 * @param failures the failure events that fired
 * @param harm the largest harm of those, 0 when none
 * @param irreversible the run ended in a state that cannot be undone
 * @param measured whether the map named anything to measure (utility or life)
 */
public record RunOutcome(
    double utilityChange,
    double lifeChange,
    double rawls,
    double gini,
    List<String> failures,
    double harm,
    boolean irreversible,
    boolean measured) {
  public RunOutcome {
    failures = List.copyOf(failures);
  }

  public boolean failed() {
    return !failures.isEmpty();
  }
}
