package io.aurelius.judge.ensemble;

import static java.util.Objects.requireNonNull;

import io.aurelius.judge.port.JudgeOutcome;
import io.aurelius.judge.rubric.Heuristic;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The ensemble's verdict on one aene.
 *
 * @param heuristics the aggregate per heuristic, empty if no active judge scored it
 * @param dlv the DLV score after any injection penalty, in [0, 1]; 0 when unjudged
 * @param judgeDlv each active judge's own DLV for it (calibrated)
 * @param outcomes every judge's outcome, dropped judges included
 * @param injectionHits the injection patterns that matched
 * @param basis the kinds of judge the aggregate rests on, e.g. {@code embedded+sim}
 */
public record AeneVerdict(
    String aeneId,
    String configurationId,
    Optional<Map<Heuristic, Double>> heuristics,
    double dlv,
    Map<String, Double> judgeDlv,
    Map<String, JudgeOutcome> outcomes,
    Set<Flag> flags,
    List<String> injectionHits,
    String basis) {
  public AeneVerdict {
    requireNonNull(aeneId, "aeneId");
    requireNonNull(configurationId, "configurationId");
    requireNonNull(heuristics, "heuristics");
    heuristics = heuristics.map(h -> Collections.unmodifiableMap(new EnumMap<>(h)));
    if (!Double.isFinite(dlv) || dlv < 0 || dlv > 1) {
      throw new IllegalArgumentException("dlv of " + aeneId + ": " + dlv + " (expected: 0..1)");
    }
    judgeDlv = Collections.unmodifiableMap(new TreeMap<>(judgeDlv));
    outcomes = Collections.unmodifiableMap(new TreeMap<>(outcomes));
    flags = flags.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(flags));
    injectionHits = List.copyOf(injectionHits);
    requireNonNull(basis, "basis");
  }

  public boolean flagged(Flag f) {
    return flags.contains(f);
  }
}
