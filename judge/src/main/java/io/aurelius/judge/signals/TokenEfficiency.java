package io.aurelius.judge.signals;

/** DLV signal per 1,000 tokens, with the world model's tokens and the agents' both counted. */
public final class TokenEfficiency {
  private TokenEfficiency() {}

  /**
   * @param dlvSignal the sum of the DLV scores of the run's aenes
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
