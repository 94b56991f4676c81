package io.aurelius.judge.rubric;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.hash.ContentId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A versioned DLV rubric. Heuristic scores follow MoReBench: the weight earned by the answers over
 * the total absolute weight, in [0, 1]. The DLV score of an aene is the weighted mean of its five
 * heuristic scores.
 *
 * @param id the content id of the rubric document's canonical JSON, recorded with every verdict so
 *     a score always says which rubric produced it
 */
public record Rubric(
    String name, String version, ContentId id, Map<Heuristic, HeuristicSpec> heuristics) {
  public Rubric {
    requireNonNull(name, "name");
    requireNonNull(version, "version");
    requireNonNull(id, "id");
    EnumMap<Heuristic, HeuristicSpec> copy = new EnumMap<>(Heuristic.class);
    copy.putAll(heuristics);
    for (Heuristic h : Heuristic.values()) {
      if (!copy.containsKey(h)) {
        throw new IllegalArgumentException(
            "rubric "
                + name
                + ": heuristic "
                + h.key()
                + " missing (expected: all five DLV heuristics)");
      }
    }
    double sum = copy.values().stream().mapToDouble(HeuristicSpec::weight).sum();
    if (Math.abs(sum - 1.0) > 1e-9) {
      throw new IllegalArgumentException(
          "rubric " + name + ": heuristic weights sum to " + sum + " (expected: 1)");
    }
    Map<String, Criterion> seen = new LinkedHashMap<>();
    for (HeuristicSpec spec : copy.values()) {
      for (Criterion c : spec.criteria()) {
        if (seen.put(c.id(), c) != null) {
          throw new IllegalArgumentException(
              "rubric " + name + ": criterion id " + c.id() + " repeated (expected: unique ids)");
        }
      }
    }
    heuristics = Collections.unmodifiableMap(copy);
  }

  /** The label written into verdicts, e.g. {@code dlv-v1}. */
  public String label() {
    return name + "-v" + version;
  }

  public HeuristicSpec spec(Heuristic h) {
    return heuristics.get(h);
  }

  /** Every criterion, heuristic by heuristic, in rubric order. */
  public List<Criterion> criteria() {
    List<Criterion> all = new ArrayList<>();
    heuristics.values().forEach(s -> all.addAll(s.criteria()));
    return List.copyOf(all);
  }

  public Optional<Criterion> criterion(String id) {
    return criteria().stream().filter(c -> c.id().equals(id)).findFirst();
  }

  /**
   * Heuristic scores from a complete set of yes/no answers.
   *
   * @throws IllegalArgumentException if an answer is missing
   */
  public Map<Heuristic, Double> score(Map<String, Boolean> answers) {
    requireNonNull(answers, "answers");
    EnumMap<Heuristic, Double> scores = new EnumMap<>(Heuristic.class);
    for (HeuristicSpec spec : heuristics.values()) {
      int earned = 0;
      for (Criterion c : spec.criteria()) {
        Boolean yes = answers.get(c.id());
        if (yes == null) {
          throw new IllegalArgumentException("answers: criterion " + c.id() + " missing");
        }
        earned += c.earned(yes);
      }
      scores.put(spec.heuristic(), clamp01((double) earned / spec.totalWeight()));
    }
    return scores;
  }

  /** The DLV score: the weighted mean of the five heuristic scores, in [0, 1]. */
  public double dlv(Map<Heuristic, Double> scores) {
    requireNonNull(scores, "scores");
    double sum = 0;
    for (HeuristicSpec spec : heuristics.values()) {
      Double s = scores.get(spec.heuristic());
      if (s == null) {
        throw new IllegalArgumentException(
            "scores: heuristic " + spec.heuristic().key() + " missing");
      }
      sum += spec.weight() * s;
    }
    return clamp01(sum);
  }

  private static double clamp01(double v) {
    if (Double.isNaN(v)) {
      return 0;
    }
    return Math.max(0, Math.min(1, v));
  }
}
