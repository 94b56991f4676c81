package io.aurelius.judge.rubric;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One heuristic as the rubric describes it: a question a judge answers, what each end of the scale
 * looks like (anchors for human raters and for the docs), and its criteria.
 */
public record HeuristicSpec(
    Heuristic heuristic,
    String title,
    String question,
    String low,
    String high,
    double weight,
    List<Criterion> criteria) {
  public HeuristicSpec {
    requireNonNull(heuristic, "heuristic");
    requireNonNull(title, "title");
    requireNonNull(question, "question");
    requireNonNull(low, "low");
    requireNonNull(high, "high");
    criteria = List.copyOf(criteria);
    if (!(weight > 0 && weight <= 1)) {
      throw new IllegalArgumentException(
          heuristic.key() + ": weight " + weight + " (expected: (0, 1])");
    }
    if (criteria.isEmpty() || criteria.stream().noneMatch(c -> c.weight() > 0)) {
      throw new IllegalArgumentException(
          heuristic.key() + ": no positive criterion (expected: at least one)");
    }
    for (Criterion c : criteria) {
      if (c.heuristic() != heuristic) {
        throw new IllegalArgumentException(
            "criterion "
                + c.id()
                + " belongs to "
                + c.heuristic().key()
                + " (expected: "
                + heuristic.key()
                + ")");
      }
    }
  }

  /** Σ|w| over the criteria: the denominator of the score. */
  public int totalWeight() {
    return criteria.stream().mapToInt(c -> Math.abs(c.weight())).sum();
  }
}
