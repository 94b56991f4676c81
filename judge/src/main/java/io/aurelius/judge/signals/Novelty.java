package io.aurelius.judge.signals;

import static java.util.Objects.requireNonNull;

import io.aurelius.judge.embedding.Vectors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Novelty for an epoch's submissions. A submission is compared with the corpus and with the
 * submissions admitted before it (by admission order, then id), never with later ones: a later copy
 * cannot take novelty away from the original.
 */
public final class Novelty {
  /** Estimated Jaccard at or above which two texts are near-duplicates. */
  public static final double NEAR_DUPLICATE = 0.8;

  /** LSH bands for candidate pairs: 16 × 8 rows flags s = 0.8 with probability ≈ 0.9. */
  public static final int BANDS = 16;

  private Novelty() {}

  public static List<NoveltyScore> score(List<NoveltyInput> submissions, List<float[]> corpus) {
    requireNonNull(submissions, "submissions");
    requireNonNull(corpus, "corpus");
    List<NoveltyInput> ordered = new ArrayList<>(submissions);
    ordered.sort(Comparator.comparingLong(NoveltyInput::order).thenComparing(NoveltyInput::id));
    List<NoveltyScore> out = new ArrayList<>();
    for (int i = 0; i < ordered.size(); i++) {
      NoveltyInput s = ordered.get(i);
      double nearestCorpus = 0;
      for (float[] c : corpus) {
        nearestCorpus = Math.max(nearestCorpus, Vectors.cosine(s.embedding(), c));
      }
      double nearestEpoch = 0;
      Optional<String> duplicateOf = Optional.empty();
      for (int j = 0; j < i; j++) {
        NoveltyInput earlier = ordered.get(j);
        nearestEpoch = Math.max(nearestEpoch, Vectors.cosine(s.embedding(), earlier.embedding()));
        if (duplicateOf.isEmpty()
            && (nearDuplicate(s.configurationSignature(), earlier.configurationSignature())
                || nearDuplicate(s.aeneSignature(), earlier.aeneSignature()))) {
          duplicateOf = Optional.of(earlier.id());
        }
      }
      boolean sameAsParent =
          s.parentSignature().map(p -> nearDuplicate(s.configurationSignature(), p)).orElse(false);
      double novelty = 1 - Math.max(0, Math.max(nearestCorpus, nearestEpoch));
      if (duplicateOf.isPresent() || sameAsParent) {
        novelty = 0;
      }
      out.add(
          new NoveltyScore(
              s.id(),
              Math.max(0, Math.min(1, novelty)),
              nearestCorpus,
              nearestEpoch,
              duplicateOf,
              sameAsParent));
    }
    return out;
  }

  public static boolean nearDuplicate(long[] a, long[] b) {
    return MinHash.candidates(a, b, BANDS) && MinHash.similarity(a, b) >= NEAR_DUPLICATE;
  }
}
