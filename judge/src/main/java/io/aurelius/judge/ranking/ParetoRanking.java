package io.aurelius.judge.ranking;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The epoch's ranking. Submissions below the DLV threshold get nothing. The rest are sorted into
 * Pareto fronts on novelty, token efficiency and immersion (NSGA-II non-dominated sorting). Every
 * passing submission is paid, by its front: its share is proportional to (1 + crowding distance) /
 * front, so the first front earns most, each deeper front less (a submission beaten on every signal
 * by another still earns something for clearing the gate), and within a front the reward leans
 * toward submissions unlike the others. Paying only the first front made the reward a lottery among
 * whoever was extreme on one signal (docs/judging.md §9).
 *
 * <p>Crowding distance here is normalised: per objective the two extremes count 1 and an interior
 * point counts (next − previous) / range, averaged over the three objectives; an objective on which
 * the whole front is equal counts 0 for everyone.
 */
public final class ParetoRanking {
  /** An epoch ranks at most this many submissions (sorting is quadratic). */
  public static final int MAX_SUBMISSIONS = 4096;

  private ParetoRanking() {}

  public static EpochRanking rank(List<SubmissionSignals> submissions, RankingPolicy policy) {
    requireNonNull(submissions, "submissions");
    requireNonNull(policy, "policy");
    if (submissions.size() > MAX_SUBMISSIONS) {
      throw new IllegalArgumentException(
          "submissions: " + submissions.size() + " (expected: at most " + MAX_SUBMISSIONS + ")");
    }
    List<SubmissionSignals> sorted = new ArrayList<>(submissions);
    sorted.sort(Comparator.comparing(SubmissionSignals::id));
    Set<String> ids = new HashSet<>();
    for (SubmissionSignals s : sorted) {
      if (!ids.add(s.id())) {
        throw new IllegalArgumentException("submissions: id " + s.id() + " appears twice");
      }
    }
    List<SubmissionSignals> passing =
        sorted.stream().filter(s -> s.dlv() >= policy.dlvThreshold()).toList();
    Map<String, Integer> frontOf = fronts(passing);
    Map<String, Double> crowding = new HashMap<>();
    for (int f = 1;
        f <= frontOf.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        f++) {
      int front = f;
      crowding.putAll(
          crowding(passing.stream().filter(s -> frontOf.get(s.id()) == front).toList()));
    }
    double total = 0;
    for (SubmissionSignals s : passing) {
      total += share(frontOf.get(s.id()), crowding.get(s.id()));
    }
    List<Ranked> out = new ArrayList<>();
    for (SubmissionSignals s : sorted) {
      boolean passed = frontOf.containsKey(s.id());
      int front = passed ? frontOf.get(s.id()) : 0;
      double cd = passed ? crowding.get(s.id()) : 0;
      double reward = passed ? share(front, cd) / total : 0;
      out.add(new Ranked(s, passed, front, cd, reward));
    }
    return new EpochRanking(policy, out);
  }

  /** A passing submission's weight before normalisation. */
  static double share(int front, double crowding) {
    return (1 + crowding) / front;
  }

  /** Front number (1-based) of each submission, by repeated peeling of the non-dominated set. */
  static Map<String, Integer> fronts(List<SubmissionSignals> list) {
    Map<String, Integer> out = new HashMap<>();
    List<SubmissionSignals> remaining = new ArrayList<>(list);
    int front = 1;
    while (!remaining.isEmpty()) {
      List<SubmissionSignals> nd = new ArrayList<>();
      for (SubmissionSignals a : remaining) {
        boolean dominated = false;
        for (SubmissionSignals b : remaining) {
          if (b != a && b.dominates(a)) {
            dominated = true;
            break;
          }
        }
        if (!dominated) {
          nd.add(a);
        }
      }
      for (SubmissionSignals s : nd) {
        out.put(s.id(), front);
      }
      remaining.removeAll(nd);
      front++;
    }
    return out;
  }

  static Map<String, Double> crowding(List<SubmissionSignals> front) {
    Map<String, Double> cd = new HashMap<>();
    front.forEach(s -> cd.put(s.id(), 0.0));
    if (front.size() <= 2) {
      front.forEach(s -> cd.put(s.id(), 1.0));
      return cd;
    }
    for (int k = 0; k < SubmissionSignals.OBJECTIVES; k++) {
      int obj = k;
      List<SubmissionSignals> byK = new ArrayList<>(front);
      byK.sort(
          Comparator.<SubmissionSignals>comparingDouble(s -> s.objective(obj))
              .thenComparing(SubmissionSignals::id));
      double lo = byK.get(0).objective(k);
      double hi = byK.get(byK.size() - 1).objective(k);
      double range = hi - lo;
      if (range <= 0) {
        continue;
      }
      cd.merge(byK.get(0).id(), 1.0, Double::sum);
      cd.merge(byK.get(byK.size() - 1).id(), 1.0, Double::sum);
      for (int i = 1; i < byK.size() - 1; i++) {
        double gap = (byK.get(i + 1).objective(k) - byK.get(i - 1).objective(k)) / range;
        cd.merge(byK.get(i).id(), gap, Double::sum);
      }
    }
    cd.replaceAll((id, v) -> Math.min(1, v / SubmissionSignals.OBJECTIVES));
    return cd;
  }
}
