package io.aurelius.judge.port;

/**
 * Scores one aene on the DLV rubric. Implementations never throw for anything the model or the aene
 * does wrong: refusals, malformed answers, timeouts and dead endpoints are outcomes. They may be
 * called from several threads at once.
 */
public interface Judge {
  JudgeDescriptor descriptor();

  JudgeOutcome judge(JudgeInput input);
}
