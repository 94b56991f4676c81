package io.aurelius.validator.epoch;

import io.aurelius.worldmodel.outcome.FramedUlfr;
import io.aurelius.worldmodel.outcome.Ulfr;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The plain records each step stores as its output (JSON in the state store). */
final class Records {
  private Records() {}

  /** Step 4, per configuration: {@code ok} with its transcript file, or a refusal outcome. */
  record Simulated(String configId, String outcome, String reason, String file) {}

  /** Steps 5–7, per miner. {@code configId} is empty when nothing was scored. */
  record ScoreRow(
      int uid,
      String hotkey,
      String configId,
      double dlv,
      double novelty,
      double efficiency,
      double immersion,
      boolean passed,
      double reward,
      double score,
      Outcomes ulfr) {}

  /**
   * A configuration's ULFR lens per framing ({@code null} where a framing did not run; the row's
   * {@code ulfr} is {@code null} when nothing was scored, and in rows stored before the lens).
   */
  record Outcomes(Ulfr immersive, Ulfr control, boolean measured) {
    static Outcomes of(FramedUlfr f) {
      return new Outcomes(f.immersive().orElse(null), f.control().orElse(null), f.measured());
    }

    FramedUlfr framed() {
      return new FramedUlfr(Optional.ofNullable(immersive), Optional.ofNullable(control), measured);
    }
  }

  record Scored(
      List<ScoreRow> rows, Map<String, Double> ema, int proposals, List<String> passedConfigs) {}

  /** Step 8. */
  record Agreed(int considered, List<String> accepted) {}

  /**
   * Step 8, trust: per validator of the set (address order) its stake, trust before and after this
   * epoch's decisions, the change, and its quorum weight factor f(trust) before (the one this
   * epoch's decision used) and after.
   */
  record Trust(List<EpochReport.TrustStanding> validators) {
    /** {@code 5Gx…: −1792 mT (×0.25)} per validator, for the status line. */
    public String summary() {
      StringBuilder out = new StringBuilder();
      for (EpochReport.TrustStanding r : validators) {
        if (out.length() > 0) {
          out.append(", ");
        }
        out.append(r.validator(), 0, Math.min(8, r.validator().length()))
            .append("…: ")
            .append(Math.round(r.after() * 1000))
            .append(" mT (×")
            .append(String.format(java.util.Locale.ROOT, "%.2f", r.weightAfter()))
            .append(')');
      }
      return out.toString();
    }
  }

  /** Step 8, the exchange: the peers that took this validator's proposals (hotkey addresses). */
  record Reached(List<String> peers) {}

  /** Step 9: the batch as planned (canonical entry lines) before it is appended. */
  record AnchorPlan(long start, List<String> entries) {}

  /** Step 9: the batch appended and the log after it. */
  record Anchored(long start, int count, long size, String root) {}

  /** Step 9: cosignatures added to the new checkpoint. */
  record Cosigned(int added) {}

  /** Configurations published in {@code configs.git} this epoch. */
  record Published(int added) {}

  /** Step 10. */
  record WeightsSent(
      List<Integer> uids, List<Integer> values, String action, boolean revealed, String status) {}

  /** A weight commit waiting for its reveal (state {@code pending-commit}). */
  record PendingCommit(
      long epoch, List<Integer> uids, List<Integer> values, List<Integer> salt, long versionKey) {}

  /** Moving averages by miner hotkey, as of an epoch (state {@code ema}). */
  record Ema(long epoch, Map<String, Double> scores) {}
}
