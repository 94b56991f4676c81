package io.aurelius.judge.gate;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.judge.embedding.TextEmbedder;
import io.aurelius.judge.scoring.ConfigurationText;
import io.aurelius.judge.text.Words;
import java.util.List;

/**
 * What the gate reads of a configuration: the MiniLM embedding of its prose (the same text and
 * embedding novelty uses) and the logarithm of its word count, so that how much a configuration
 * says is one feature rather than something the embedding hides.
 */
public final class GateFeatures {
  /** The names of the features, in order, recorded in the model file. */
  public static List<String> names(int dimension) {
    java.util.ArrayList<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < dimension; i++) {
      out.add("minilm_" + i);
    }
    out.add("log_words");
    return List.copyOf(out);
  }

  private GateFeatures() {}

  public static double[] of(JsonNode config, TextEmbedder embedder) {
    requireNonNull(config, "config");
    requireNonNull(embedder, "embedder");
    String text = ConfigurationText.of(config);
    float[] e = ConfigurationText.embedding(text, embedder);
    double[] x = new double[e.length + 1];
    for (int i = 0; i < e.length; i++) {
      x[i] = e[i];
    }
    x[e.length] = Math.log1p(Words.of(text).size());
    return x;
  }
}
