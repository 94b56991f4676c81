package io.aurelius.judge.gate;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.json.CanonicalJson;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonInputException;
import io.aurelius.core.json.JsonLimits;
import io.aurelius.judge.data.BundledData;
import io.aurelius.judge.embedding.MiniLmEmbedder;
import io.aurelius.judge.embedding.TextEmbedder;

/**
 * The admission quality gate: P(GOOD) of a configuration from {@link GateFeatures} through a {@link
 * Logistic} model. The model is data ({@code aurelius.quality-gate/1}); its version and what it was
 * trained on travel with it. The threshold is the validator's setting, not the model's.
 *
 * @param version the model file's version, e.g. {@code v1}
 * @param trainedOn what it was trained on, for the record
 */
public record QualityGate(String version, String trainedOn, Logistic model, TextEmbedder embedder) {
  public static final String FORMAT = "aurelius.quality-gate/1";
  public static final String BUNDLED = "judge/gate/quality-gate-v1.json";

  /**
   * Default admission threshold: refuse only what the model calls clearly poor (docs/judging.md
   * §9.3: on the dev set 0.02 refuses 30 of 40 BAD and 2 of 43 GOOD; split-half, it is the choice
   * on both halves).
   */
  public static final double DEFAULT_THRESHOLD = 0.02;

  public QualityGate {
    requireNonNull(version, "version");
    requireNonNull(trainedOn, "trainedOn");
    requireNonNull(model, "model");
    requireNonNull(embedder, "embedder");
    if (model.features() != embedder.dimension() + 1) {
      throw new IllegalArgumentException(
          "quality gate "
              + version
              + ": "
              + model.features()
              + " features (expected: "
              + (embedder.dimension() + 1)
              + " for "
              + embedder.model()
              + ")");
    }
  }

  public static QualityGate bundled() {
    return parse(BundledData.read(BUNDLED), BUNDLED, MiniLmEmbedder.shared());
  }

  /**
   * A configuration whose sentences repeat one another more than this is refused whatever the model
   * says: padding with copies of its own text would otherwise buy a longer, "richer" world.
   */
  public static final double MAX_REPEATED = 0.2;

  /**
   * P(GOOD) of a configuration document (the node's format, as admitted); 0 when more than {@link
   * #MAX_REPEATED} of its sentences repeat earlier ones.
   */
  public double probability(JsonNode config) {
    if (Repetition.share(config) > MAX_REPEATED) {
      return 0;
    }
    return model.probability(GateFeatures.of(config, embedder));
  }

  public static QualityGate parse(byte[] bytes, String what, TextEmbedder embedder) {
    JsonNode root = Json.parse(bytes, what, JsonLimits.UNTRUSTED);
    if (!FORMAT.equals(root.path("format").asText())) {
      throw new JsonInputException(
          what + ".format: '" + root.path("format").asText() + "' (expected: " + FORMAT + ")");
    }
    if (!embedder.model().equals(root.path("embedder").asText())) {
      throw new JsonInputException(
          what
              + ".embedder: '"
              + root.path("embedder").asText()
              + "' (expected: "
              + embedder.model()
              + ")");
    }
    try {
      Logistic m =
          new Logistic(
              doubles(root, "mean", what),
              doubles(root, "scale", what),
              doubles(root, "weights", what),
              root.path("bias").asDouble(Double.NaN));
      if (!Double.isFinite(m.bias())) {
        throw new JsonInputException(what + ".bias: missing or not a number (expected: number)");
      }
      return new QualityGate(
          root.path("version").asText(), root.path("trained_on").asText(), m, embedder);
    } catch (IllegalArgumentException e) {
      throw new JsonInputException(what + ": " + e.getMessage());
    }
  }

  private static double[] doubles(JsonNode root, String field, String what) {
    JsonNode a = root.path(field);
    if (!a.isArray()) {
      throw new JsonInputException(what + "." + field + ": missing (expected: array of numbers)");
    }
    double[] out = new double[a.size()];
    for (int i = 0; i < out.length; i++) {
      if (!a.get(i).isNumber()) {
        throw new JsonInputException(what + "." + field + "[" + i + "]: not a number");
      }
      out[i] = a.get(i).asDouble();
    }
    return out;
  }

  /** The model file: canonical JSON, so the same training gives the same bytes. */
  public byte[] toBytes(JsonNode crossValidation) {
    ObjectNode o = Json.newObject();
    o.put("format", FORMAT)
        .put("version", version)
        .put("embedder", embedder.model())
        .put("trained_on", trainedOn);
    ArrayNode names = o.putArray("features");
    GateFeatures.names(embedder.dimension()).forEach(names::add);
    put(o.putArray("mean"), model.mean());
    put(o.putArray("scale"), model.scale());
    put(o.putArray("weights"), model.weights());
    o.put("bias", model.bias());
    o.set("cross_validation", crossValidation);
    return CanonicalJson.bytes(o);
  }

  private static void put(ArrayNode a, double[] v) {
    for (double x : v) {
      a.add(x);
    }
  }
}
