package io.aurelius.judge.port;

import static java.util.Objects.requireNonNull;

/**
 * One aene as a judge sees it. Text is cleaned and each field capped at {@link #MAX_FIELD_CHARS};
 * {@code truncated} records that a field was cut.
 *
 * @param aeneId the aene's id (a content id in hex, or a canary's id)
 * @param configurationId the id of the configuration whose run produced it
 */
public record JudgeInput(
    String aeneId,
    String configurationId,
    String observation,
    String reasoning,
    String action,
    boolean truncated) {
  /** Per field: enough for any honest agent turn, small enough for a judge's context. */
  public static final int MAX_FIELD_CHARS = 16_000;

  public JudgeInput {
    requireNonNull(aeneId, "aeneId");
    requireNonNull(configurationId, "configurationId");
    requireNonNull(observation, "observation");
    requireNonNull(reasoning, "reasoning");
    requireNonNull(action, "action");
    if (!aeneId.matches("[A-Za-z0-9._:-]{1,128}")) {
      throw new IllegalArgumentException(
          "aene id: '" + shown(aeneId) + "' (expected: 1..128 of [A-Za-z0-9._:-])");
    }
    if (!configurationId.matches("[A-Za-z0-9._:-]{1,128}")) {
      throw new IllegalArgumentException(
          "configuration id: '"
              + shown(configurationId)
              + "' (expected: 1..128 of [A-Za-z0-9._:-])");
    }
    truncated =
        truncated
            || TextBounds.exceeds(observation, MAX_FIELD_CHARS)
            || TextBounds.exceeds(reasoning, MAX_FIELD_CHARS)
            || TextBounds.exceeds(action, MAX_FIELD_CHARS);
    observation = TextBounds.clean(observation, MAX_FIELD_CHARS);
    reasoning = TextBounds.clean(reasoning, MAX_FIELD_CHARS);
    action = TextBounds.clean(action, MAX_FIELD_CHARS);
  }

  public static JudgeInput of(
      String aeneId, String configurationId, String observation, String reasoning, String action) {
    return new JudgeInput(aeneId, configurationId, observation, reasoning, action, false);
  }

  /** Observation, reasoning and action in one string, for embedding and injection scans. */
  public String allText() {
    return observation + "\n" + reasoning + "\n" + action;
  }

  private static String shown(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
