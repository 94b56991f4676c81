package io.aurelius.judge.calibration;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonInputException;
import io.aurelius.core.json.JsonLimits;
import io.aurelius.judge.data.Fields;
import io.aurelius.judge.rubric.Heuristic;
import io.aurelius.judge.stats.IsotonicFit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Monotone maps from a judge's raw score to a calibrated one, per judge and heuristic. A judge or
 * heuristic without a fit passes through unchanged. Stored as JSON ({@code "format":
 * "aurelius.calibration/1"}).
 */
public record Calibration(Map<String, Map<Heuristic, IsotonicFit>> fits) {
  /** A calibration needs at least this many labels for a judge before it is fitted. */
  public static final int MIN_LABELS = 5;

  private static final JsonLimits LIMITS = new JsonLimits(4 << 20, 8, 1024);

  public Calibration {
    TreeMap<String, Map<Heuristic, IsotonicFit>> copy = new TreeMap<>();
    fits.forEach(
        (k, v) -> {
          EnumMap<Heuristic, IsotonicFit> m = new EnumMap<>(Heuristic.class);
          m.putAll(v);
          copy.put(k, Collections.unmodifiableMap(m));
        });
    fits = Collections.unmodifiableMap(copy);
  }

  public static Calibration none() {
    return new Calibration(Map.of());
  }

  /** Fits one isotonic map per judge and heuristic from labels carrying that judge's scores. */
  public static Calibration fit(List<LabelledAene> labels) {
    requireNonNull(labels, "labels");
    Map<String, Map<Heuristic, IsotonicFit>> fits = new TreeMap<>();
    for (String judge : judges(labels)) {
      Map<Heuristic, IsotonicFit> perH = new EnumMap<>(Heuristic.class);
      for (Heuristic h : Heuristic.values()) {
        List<double[]> xy = pairs(labels, judge, h);
        if (xy.size() >= MIN_LABELS) {
          perH.put(
              h,
              IsotonicFit.fit(
                  xy.stream().mapToDouble(p -> p[0]).toArray(),
                  xy.stream().mapToDouble(p -> p[1]).toArray()));
        }
      }
      if (!perH.isEmpty()) {
        fits.put(judge, perH);
      }
    }
    return new Calibration(fits);
  }

  public double apply(String judge, Heuristic h, double raw) {
    Map<Heuristic, IsotonicFit> m = fits.get(judge);
    IsotonicFit f = m == null ? null : m.get(h);
    double v = f == null ? raw : f.apply(raw);
    return Math.max(0, Math.min(1, Double.isFinite(v) ? v : 0));
  }

  public Map<Heuristic, Double> apply(String judge, Map<Heuristic, Double> raw) {
    EnumMap<Heuristic, Double> out = new EnumMap<>(Heuristic.class);
    raw.forEach((h, v) -> out.put(h, apply(judge, h, v)));
    return out;
  }

  public boolean covers(String judge) {
    return fits.containsKey(judge);
  }

  static Set<String> judges(List<LabelledAene> labels) {
    Set<String> judges = new java.util.TreeSet<>();
    labels.forEach(l -> judges.addAll(l.judgeScores().keySet()));
    return judges;
  }

  /** (judge score, person's target) pairs for one judge and heuristic. */
  static List<double[]> pairs(List<LabelledAene> labels, String judge, Heuristic h) {
    List<double[]> out = new ArrayList<>();
    for (LabelledAene l : labels) {
      Map<Heuristic, Double> s = l.judgeScores().get(judge);
      if (s != null && s.containsKey(h)) {
        out.add(new double[] {s.get(h), l.target(h)});
      }
    }
    return out;
  }

  public String toJson() {
    ObjectNode root = Json.newObject();
    root.put("format", "aurelius.calibration/1");
    ObjectNode judges = root.putObject("judges");
    fits.forEach(
        (judge, perH) -> {
          ObjectNode j = judges.putObject(judge);
          perH.forEach(
              (h, f) -> {
                ObjectNode o = j.putObject(h.key());
                ArrayNode xs = o.putArray("x");
                ArrayNode ys = o.putArray("y");
                for (double x : f.xs()) {
                  xs.add(x);
                }
                for (double y : f.ys()) {
                  ys.add(y);
                }
              });
        });
    try {
      return Json.prettyWriter().writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static Calibration parse(byte[] bytes, String what) {
    JsonNode root = Json.parse(bytes, what, LIMITS);
    Fields top = Fields.of(root, what, Set.of("format", "judges"));
    if (!"aurelius.calibration/1".equals(top.text("format"))) {
      throw new JsonInputException(
          what + ".format: '" + top.text("format") + "' (expected: aurelius.calibration/1)");
    }
    JsonNode judges = top.node("judges");
    if (!judges.isObject()) {
      throw new JsonInputException(what + ".judges: not an object");
    }
    Map<String, Map<Heuristic, IsotonicFit>> fits = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = judges.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> j = it.next();
      String at = what + ".judges." + j.getKey();
      if (!j.getValue().isObject()) {
        throw new JsonInputException(at + ": not an object");
      }
      Map<Heuristic, IsotonicFit> perH = new EnumMap<>(Heuristic.class);
      for (Iterator<Map.Entry<String, JsonNode>> hs = j.getValue().fields(); hs.hasNext(); ) {
        Map.Entry<String, JsonNode> e = hs.next();
        String hat = at + "." + e.getKey();
        Heuristic h =
            Heuristic.fromKey(e.getKey())
                .orElseThrow(() -> new JsonInputException(hat + ": unknown heuristic"));
        Fields f = Fields.of(e.getValue(), hat, Set.of("x", "y"));
        double[] xs = numbers(f, "x");
        double[] ys = numbers(f, "y");
        try {
          perH.put(h, new IsotonicFit(xs, ys));
        } catch (IllegalArgumentException ex) {
          throw new JsonInputException(hat + ": " + ex.getMessage());
        }
      }
      fits.put(j.getKey(), perH);
    }
    return new Calibration(fits);
  }

  private static double[] numbers(Fields f, String key) {
    List<Fields.Element> els = f.array(key);
    double[] out = new double[els.size()];
    for (int i = 0; i < out.length; i++) {
      JsonNode n = els.get(i).node();
      if (!n.isNumber() || !Double.isFinite(n.doubleValue())) {
        throw new JsonInputException(els.get(i).at() + ": expected a finite number");
      }
      out[i] = n.doubleValue();
    }
    return out;
  }
}
