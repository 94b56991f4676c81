package io.aurelius.judge.calibration;

import static java.util.Objects.requireNonNull;

import io.aurelius.judge.port.JudgeInput;
import io.aurelius.judge.rubric.Heuristic;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One aene with a person's levels (0–5 per heuristic) and, optionally, the scores judges gave it
 * (in [0, 1], by judge id).
 */
public record LabelledAene(
    JudgeInput aene,
    Map<Heuristic, Integer> levels,
    Map<String, Map<Heuristic, Double>> judgeScores) {
  public static final int MAX_LEVEL = 5;

  public LabelledAene {
    requireNonNull(aene, "aene");
    EnumMap<Heuristic, Integer> l = new EnumMap<>(Heuristic.class);
    for (Heuristic h : Heuristic.values()) {
      Integer v = levels.get(h);
      if (v == null) {
        throw new IllegalArgumentException("levels: " + h.key() + " missing");
      }
      if (v < 0 || v > MAX_LEVEL) {
        throw new IllegalArgumentException("levels: " + h.key() + " = " + v + " (expected: 0..5)");
      }
      l.put(h, v);
    }
    levels = Collections.unmodifiableMap(l);
    TreeMap<String, Map<Heuristic, Double>> js = new TreeMap<>();
    judgeScores.forEach(
        (judge, scores) -> {
          EnumMap<Heuristic, Double> s = new EnumMap<>(Heuristic.class);
          scores.forEach(
              (h, v) -> {
                if (!Double.isFinite(v) || v < 0 || v > 1) {
                  throw new IllegalArgumentException(
                      "judges." + judge + "." + h.key() + " = " + v + " (expected: 0..1)");
                }
                s.put(h, v);
              });
          js.put(judge, Collections.unmodifiableMap(s));
        });
    judgeScores = Collections.unmodifiableMap(js);
  }

  /** The person's level as a score in [0, 1]. */
  public double target(Heuristic h) {
    return levels.get(h) / (double) MAX_LEVEL;
  }
}
