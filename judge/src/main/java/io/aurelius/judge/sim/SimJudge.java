package io.aurelius.judge.sim;

import static java.util.Objects.requireNonNull;

import io.aurelius.judge.llm.LlmJudge;
import io.aurelius.judge.port.JudgeDescriptor;
import io.aurelius.judge.port.JudgeKind;
import io.aurelius.judge.prompt.PromptBuilder;
import io.aurelius.judge.prompt.VerdictParser;
import io.aurelius.judge.rubric.Rubric;
import io.aurelius.worldmodel.agent.endpoint.EndpointPolicy;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

/**
 * Builds the sim judge: the full LLM-judge path with the sim judge endpoint as its only endpoint.
 */
public final class SimJudge {
  /** Bumped whenever what it scores changes (v3: value echoes are not read). */
  public static final String ID = "sim:judge-cues-v3";

  private SimJudge() {}

  public static LlmJudge create(Rubric rubric) {
    requireNonNull(rubric, "rubric");
    JudgeDescriptor d = new JudgeDescriptor(ID, JudgeKind.SIM, "sim", Optional.empty());
    return new LlmJudge(
        d,
        List.of(new SimJudgeEndpoint(Cues.bundled())),
        EndpointPolicy.DEFAULT.withAttempts(
            1, EndpointPolicy.DEFAULT.backoffBase(), EndpointPolicy.DEFAULT.backoffMax()),
        rubric,
        new PromptBuilder(rubric, Optional.empty()),
        VerdictParser.withBundledRefusals(rubric),
        new SecureRandom());
  }
}
