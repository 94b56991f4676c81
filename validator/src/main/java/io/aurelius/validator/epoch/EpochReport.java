package io.aurelius.validator.epoch;

import static java.util.Objects.requireNonNull;

import io.aurelius.worldmodel.outcome.FramedUlfr;
import java.util.List;
import java.util.Optional;

/**
 * What one validator epoch did, for the devnet summary, tests and operators.
 *
 * @param epoch the epoch number (the chain's epoch index when it ran)
 * @param block the metagraph's block at sync
 * @param miners per miner: this epoch's reward, its smoothed score and its weight
 * @param submissions every miner's submission with its outcome code and message
 * @param aenesProposed aenes this validator put forward for the corpus
 * @param aenesConsidered aenes of every validator considered for the corpus
 * @param aenesAccepted aenes that reached the quorum and entered the corpus this epoch
 * @param checkpoint the corpus checkpoint after this epoch's append
 * @param weights what was sent to the chain
 * @param notes anything that went wrong but did not stop the epoch
 * @param trust every validator's trust as this validator computed it at this epoch's consensus
 *     (empty for an epoch decided before trust was kept)
 */
public record EpochReport(
    long epoch,
    long block,
    List<MinerScore> miners,
    List<Submitted> submissions,
    int aenesProposed,
    int aenesConsidered,
    int aenesAccepted,
    Optional<CheckpointInfo> checkpoint,
    WeightsOutcome weights,
    List<String> notes,
    List<TrustStanding> trust) {
  public EpochReport {
    trust = List.copyOf(trust);
    miners = List.copyOf(miners);
    submissions = List.copyOf(submissions);
    requireNonNull(checkpoint, "checkpoint");
    requireNonNull(weights, "weights");
    notes = List.copyOf(notes);
  }

  /**
   * One miner's standing.
   *
   * @param configId the configuration scored, if one was
   * @param dlv its DLV (0 when none was scored)
   * @param passed whether it cleared the DLV gate
   * @param reward this epoch's reward from the ranking
   * @param score the moving average after this epoch (α = 0.1)
   * @param weight the u16 weight set for it (0 if none)
   * @param ulfr its configuration's ULFR lens per framing, naming the weight version used (empty
   *     when nothing was scored, and for epochs scored before the lens)
   */
  public record MinerScore(
      int uid,
      String hotkey,
      Optional<String> configId,
      double dlv,
      double novelty,
      double efficiency,
      double immersion,
      boolean passed,
      double reward,
      double score,
      int weight,
      Optional<FramedUlfr> ulfr) {
    public MinerScore {
      requireNonNull(configId, "configId");
      requireNonNull(ulfr, "ulfr");
    }
  }

  /** A submission's outcome: {@code admitted} or a refusal code (see {@link Outcome}). */
  public record Submitted(
      int uid, String miner, String outcome, String message, Optional<String> configId) {}

  /** The corpus checkpoint: origin, size, base64 root, the log's signer and the cosigners. */
  public record CheckpointInfo(
      String origin, long size, String root, List<String> signers, List<String> cosigners) {
    public CheckpointInfo {
      signers = List.copyOf(signers);
      cosigners = List.copyOf(cosigners);
    }
  }

  /**
   * @param action {@code set}, {@code committed}, or {@code none}
   * @param revealed whether an earlier commit was revealed this epoch
   * @param status {@code accepted} or the chain's rejection
   */
  public record WeightsOutcome(
      List<Integer> uids, List<Integer> values, String action, boolean revealed, String status) {
    public WeightsOutcome {
      uids = List.copyOf(uids);
      values = List.copyOf(values);
    }
  }

  /**
   * One validator's trust at an epoch's consensus.
   *
   * @param before trust before this epoch's decisions
   * @param change the sum of α·[ln q_v(y) − ln p_m(y)] over the aenes decided, or the decay
   * @param after trust after them
   * @param weightBefore the factor f(trust) its stake counted with in this epoch's quorum
   * @param weightAfter the factor it will count with next
   */
  public record TrustStanding(
      String validator,
      long stake,
      double before,
      double change,
      double after,
      double weightBefore,
      double weightAfter) {}
}
