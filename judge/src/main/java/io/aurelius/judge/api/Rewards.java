package io.aurelius.judge.api;

import io.aurelius.core.chain.Weights;
import io.aurelius.judge.ranking.ChainWeights;
import io.aurelius.judge.ranking.MovingAverage;
import io.aurelius.judge.ranking.WeightProcessing;
import java.util.Map;

/**
 * From rewards to chain weights: the moving average across epochs, and Bittensor's weight
 * processing.
 */
public final class Rewards {
  private Rewards() {}

  /**
   * {@code previous + alpha * (reward - previous)} per miner; miners without a reward decay toward
   * 0.
   */
  public static Map<String, Double> smooth(
      Map<String, Double> previous, Map<String, Double> rewards, double alpha) {
    return MovingAverage.update(previous, rewards, alpha);
  }

  /**
   * Scores by UID (index = UID) processed as the Bittensor SDK does and max-upscaled to u16; empty
   * when there are no members.
   */
  public static Weights chainWeights(double[] byUid) {
    if (byUid.length == 0) {
      return new Weights(java.util.List.of(), java.util.List.of());
    }
    WeightProcessing.Processed p = WeightProcessing.process(byUid, byUid.length, 1.0, 0);
    ChainWeights w = WeightProcessing.emit(p.uids(), p.weights());
    return new Weights(w.uids(), w.values());
  }
}
