package io.aurelius.judge.signals;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A submission's novelty and why.
 *
 * @param novelty 1 − max(nearest corpus similarity, nearest earlier-submission similarity), in [0,
 *     1]; 0 for a near-duplicate or a fork that does not differ from its parent
 * @param nearestCorpus the highest cosine similarity to the corpus (0 if the corpus is empty)
 * @param nearestEpoch the highest cosine similarity to an earlier submission this epoch
 * @param duplicateOf the earlier submission it near-duplicates (MinHash), if any
 * @param sameAsParent true if it is a fork whose configuration is a near-duplicate of its parent
 */
public record NoveltyScore(
    String id,
    double novelty,
    double nearestCorpus,
    double nearestEpoch,
    Optional<String> duplicateOf,
    boolean sameAsParent) {
  public NoveltyScore {
    requireNonNull(id, "id");
    requireNonNull(duplicateOf, "duplicateOf");
    if (!(novelty >= 0 && novelty <= 1)) {
      throw new IllegalArgumentException("novelty: " + novelty + " (expected: 0..1)");
    }
  }
}
