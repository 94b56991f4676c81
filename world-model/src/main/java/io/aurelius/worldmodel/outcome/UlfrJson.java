package io.aurelius.worldmodel.outcome;

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
