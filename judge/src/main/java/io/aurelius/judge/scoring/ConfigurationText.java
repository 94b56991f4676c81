package io.aurelius.judge.scoring;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.judge.embedding.TextEmbedder;
import io.aurelius.judge.embedding.Vectors;
import io.aurelius.judge.signals.MinHash;
import io.aurelius.judge.text.Shingles;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A configuration's prose (every string in the document except ids and signatures), and the
 * embedding and MinHash signature novelty compares.
 */
public final class ConfigurationText {
  /** Text beyond this is not compared: the start of a configuration says what it is about. */
  public static final int MAX_CHARS = 16_000;

  private static final int CHUNK = 1_000;
  private static final int SHINGLE = 5;

  private ConfigurationText() {}

  public static String of(JsonNode config) {
    requireNonNull(config, "config");
    StringBuilder b = new StringBuilder();
    collect(config, "", b);
    return b.length() > MAX_CHARS ? b.substring(0, MAX_CHARS) : b.toString();
  }

  private static void collect(JsonNode n, String key, StringBuilder b) {
    if (b.length() > MAX_CHARS) {
      return;
    }
    if (n.isTextual()) {
      if (!key.equals("parent")
          && !key.equals("signature")
          && !key.equals("author")
          && !key.equals("format")) {
        b.append(n.asText()).append('\n');
      }
    } else if (n.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getKey().equals("signature")) {
          collect(e.getValue(), e.getKey(), b);
        }
      }
    } else if (n.isArray()) {
      n.forEach(x -> collect(x, key, b));
    }
  }

  /** The mean of the embeddings of the text's chunks, as a unit vector. */
  public static float[] embedding(String text, TextEmbedder embedder) {
    List<String> chunks = new ArrayList<>();
    for (int i = 0; i < text.length() && chunks.size() < MAX_CHARS / CHUNK; i += CHUNK) {
      chunks.add(text.substring(i, Math.min(text.length(), i + CHUNK)));
    }
    if (chunks.isEmpty()) {
      return new float[embedder.dimension()];
    }
    return Vectors.meanUnit(embedder.embedAll(chunks), embedder.dimension());
  }

  public static long[] signature(String text) {
    return MinHash.signature(Shingles.of(text, SHINGLE));
  }
}
