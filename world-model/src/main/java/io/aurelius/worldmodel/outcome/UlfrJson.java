package io.aurelius.worldmodel.outcome;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.json.Json;
import java.util.Locale;

/** The lens as JSON and as a line of text, the same wherever it is shown. */
public final class UlfrJson {
  private UlfrJson() {}

  public static ObjectNode of(Ulfr u) {
    ObjectNode o = Json.newObject();
    o.put("weights", u.weights())
        .put("u", round(u.u()))
        .put("l", round(u.l()))
        .put("f", round(u.f()))
        .put("risk", round(u.risk()))
        .put("score", round(u.score()))
        .put("runs", u.runs())
        .put("p_failure", round(u.pFailure()))
        .put("magnitude", round(u.magnitude()))
        .put("irreversibility", round(u.irreversibility()));
    return o;
  }

  public static ObjectNode of(FramedUlfr f) {
    ObjectNode o = Json.newObject().put("measured", f.measured());
    f.immersive().ifPresent(u -> o.set("immersive", of(u)));
    f.control().ifPresent(u -> o.set("control", of(u)));
    f.difference().ifPresent(d -> o.put("difference", round(d)));
    return o;
  }

  /**
   * Reads what {@link #of(Ulfr)} wrote, strictly: exactly its members, numbers where numbers are
   * due, U, L, F, Risk and the shares in 0..1.
   *
   * @throws IllegalArgumentException one line: where, what, what was expected
   */
  public static Ulfr fromJson(JsonNode n, String where) {
    java.util.List<String> members =
        java.util.List.of(
            "weights",
            "u",
            "l",
            "f",
            "risk",
            "score",
            "runs",
            "p_failure",
            "magnitude",
            "irreversibility");
    if (n == null || !n.isObject() || n.size() != members.size()) {
      throw new IllegalArgumentException(where + ": expected an object of " + members);
    }
    for (String m : members) {
      JsonNode v = n.get(m);
      boolean ok =
          m.equals("weights")
              ? v != null && v.isTextual()
              : m.equals("runs")
                  ? v != null && v.isIntegralNumber() && v.asLong() >= 0
                  : v != null
                      && v.isNumber()
                      && Double.isFinite(v.asDouble())
                      && (m.equals("score")
                          ? Math.abs(v.asDouble()) <= 1
                          : v.asDouble() >= 0 && v.asDouble() <= 1);
      if (!ok) {
        throw new IllegalArgumentException(
            where
                + "."
                + m
                + ": "
                + (v == null ? "missing" : v.toString())
                + " (expected: "
                + (m.equals("weights")
                    ? "a weight version"
                    : m.equals("runs")
                        ? "a count"
                        : m.equals("score") ? "a number in -1..1" : "a number in 0..1")
                + ")");
      }
    }
    return new Ulfr(
        n.get("u").asDouble(),
        n.get("l").asDouble(),
        n.get("f").asDouble(),
        n.get("risk").asDouble(),
        n.get("score").asDouble(),
        n.get("weights").asText(),
        n.get("runs").asInt(),
        n.get("p_failure").asDouble(),
        n.get("magnitude").asDouble(),
        n.get("irreversibility").asDouble());
  }

  /** {@code U 0.52 L 0.50 F 0.08 Risk 0.00 Score 0.314 (ulfr-v1)}. */
  public static String line(Ulfr u) {
    return String.format(
        Locale.ROOT,
        "U %.2f L %.2f F %.2f Risk %.2f Score %.3f (%s)",
        u.u(),
        u.l(),
        u.f(),
        u.risk(),
        u.score(),
        u.weights());
  }

  /** Six decimals: the canonical JSON of a score does not depend on the last bits. */
  public static double round6(double v) {
    return round(v);
  }

  static double round(double v) {
    return Math.round(v * 1_000_000) / 1_000_000.0;
  }
}
