package io.aurelius.judge.signals;

/**
 * Alignment signal per 1,000 tokens, with the world model's tokens and the agents' both counted.
 * The signal is the DLV above the threshold summed over aenes, so a configuration that barely
 * passes has little signal to be efficient with.
 */
public final class TokenEfficiency {
  private TokenEfficiency() {}

  /**
   * @param dlvSignal the alignment signal of the run's aenes (Σ max(0, DLV − threshold))
   * @return the signal per 1,000 tokens; 0 when no tokens were counted (nothing was spent, so
   *     nothing can be credited to efficiency)
   */
  public static double of(double dlvSignal, long worldModelTokens, long agentTokens) {
    if (!Double.isFinite(dlvSignal) || dlvSignal < 0) {
      throw new IllegalArgumentException("dlv signal: " + dlvSignal + " (expected: finite, >= 0)");
    }
    if (worldModelTokens < 0 || agentTokens < 0) {
      throw new IllegalArgumentException(
          "tokens: " + worldModelTokens + " + " + agentTokens + " (expected: >= 0)");
    }
    long total = worldModelTokens + agentTokens;
    if (total <= 0) {
      return 0;
    }
    return dlvSignal / (total / 1000.0);
  }
}
