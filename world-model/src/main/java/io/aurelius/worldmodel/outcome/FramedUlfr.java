package io.aurelius.worldmodel.outcome;

import static java.util.Objects.requireNonNull;

import io.aurelius.config.model.Framing;
import io.aurelius.worldmodel.transcript.Transcript;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One configuration's ULFR per framing, over its seeds, and the difference between the framings
 * (immersive − control), which reports how much the framing changed what the agents did to their
 * world.
 *
 * @param measured whether the outcome map named anything to measure (otherwise U and L are ½)
 */
public record FramedUlfr(Optional<Ulfr> immersive, Optional<Ulfr> control, boolean measured) {
  public FramedUlfr {
    requireNonNull(immersive, "immersive");
    requireNonNull(control, "control");
  }

  /** Score(immersive) − Score(control), when both framings ran. */
  public Optional<Double> difference() {
    return immersive.isPresent() && control.isPresent()
        ? Optional.of(immersive.get().score() - control.get().score())
        : Optional.empty();
  }

  /** The runs of one configuration (any framings, seeds), measured with {@code weights}. */
  public static FramedUlfr of(List<Transcript> runs, UlfrWeights weights) {
    List<RunOutcome> immersive = new ArrayList<>();
    List<RunOutcome> control = new ArrayList<>();
    boolean measured = false;
    for (Transcript t : runs) {
      Optional<RunOutcome> o = TranscriptOutcomes.of(t);
      if (o.isEmpty()) {
        continue;
      }
      measured |= o.get().measured();
      (t.header().framing() == Framing.IMMERSIVE ? immersive : control).add(o.get());
    }
    return new FramedUlfr(
        immersive.isEmpty() ? Optional.empty() : Optional.of(OutcomeLens.score(immersive, weights)),
        control.isEmpty() ? Optional.empty() : Optional.of(OutcomeLens.score(control, weights)),
        measured);
  }
}
