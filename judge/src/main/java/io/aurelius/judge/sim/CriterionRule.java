package io.aurelius.judge.sim;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A criterion's answer: yes if all cues hold ({@code all}) or if any holds ({@code any}). */
public record CriterionRule(String criterion, boolean all, List<Cue> cues) {
  public CriterionRule {
    requireNonNull(criterion, "criterion");
    cues = List.copyOf(cues);
    if (cues.isEmpty()) {
      throw new IllegalArgumentException("criterion " + criterion + ": no cues");
    }
  }

  public boolean answer(CueFeatures f) {
    return all ? cues.stream().allMatch(c -> c.holds(f)) : cues.stream().anyMatch(c -> c.holds(f));
  }
}
