package io.aurelius.judge.sim;

import static java.util.Objects.requireNonNull;

import io.aurelius.judge.data.PhraseList;
import java.util.List;
import java.util.Optional;

/**
 * One test over an aene's features: a feature name, optional bounds, and for the {@code phrases}
 * feature the phrases counted in the reasoning.
 */
public record Cue(
    String feature, Optional<Double> min, Optional<Double> max, Optional<PhraseList> phrases) {
  public static final List<String> FEATURES =
      List.of(
          "phrases",
          "names",
          "specific",
          "substance",
          "parroting",
          "jargon",
          "action_link",
          "words",
          "first_person",
          "moral",
          "grounded_sentences",
          "options");

  public Cue {
    requireNonNull(feature, "feature");
    requireNonNull(min, "min");
    requireNonNull(max, "max");
    requireNonNull(phrases, "phrases");
    if (!FEATURES.contains(feature)) {
      throw new IllegalArgumentException(
          "feature '" + feature + "' (expected one of " + FEATURES + ")");
    }
    if (min.isEmpty() && max.isEmpty()) {
      throw new IllegalArgumentException("feature " + feature + ": neither min nor max");
    }
    if (feature.equals("phrases") != phrases.isPresent()) {
      throw new IllegalArgumentException(
          "feature " + feature + ": phrases are required for 'phrases' and only for it");
    }
  }

  public boolean holds(CueFeatures f) {
    double v =
        switch (feature) {
          case "phrases" -> phrases.orElseThrow().count(f.reasoning());
          case "names" -> f.names();
          case "specific" -> f.substance().specificWords();
          case "substance" -> f.substance().factor();
          case "parroting" -> f.substance().parroting();
          case "jargon" -> f.substance().jargon();
          case "action_link" -> f.substance().actionLinked();
          case "words" -> f.substance().words();
          case "first_person" -> f.firstPerson();
          case "moral" -> f.substance().moral();
          case "grounded_sentences" -> f.substance().groundedSentences();
          case "options" -> f.substance().options();
          default -> throw new IllegalStateException(feature);
        };
    return min.map(m -> v >= m).orElse(true) && max.map(m -> v <= m).orElse(true);
  }
}
