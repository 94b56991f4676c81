package io.aurelius.judge.sim;

import static java.util.Objects.requireNonNull;

import io.aurelius.judge.llm.ChatEndpoint;
import io.aurelius.judge.llm.LlmJudge;
import io.aurelius.judge.port.JudgeDescriptor;
import io.aurelius.judge.port.JudgeKind;
import io.aurelius.judge.prompt.PromptBuilder;
import io.aurelius.judge.prompt.VerdictParser;
import io.aurelius.judge.rubric.Rubric;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

/** Builds the sim judge: the full LLM-judge path with the sim model as its only endpoint. */
public final class SimJudge {
  public static final String ID = "sim:judge-cues-v1";

  private SimJudge() {}

  public static LlmJudge create(Rubric rubric, Executor calls) {
    requireNonNull(rubric, "rubric");
    JudgeDescriptor d = new JudgeDescriptor(ID, JudgeKind.SIM, SimJudgeModel.MODEL, Optional.empty());
    return new LlmJudge(d, List.of(new ChatEndpoint("sim", new SimJudgeModel(Cues.bundled()))),
        new PromptBuilder(rubric, Optional.empty()), VerdictParser.withBundledRefusals(rubric),
        Duration.ofSeconds(30), calls, new SecureRandom());
  }
}
