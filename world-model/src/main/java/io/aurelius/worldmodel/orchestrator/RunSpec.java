package io.aurelius.worldmodel.orchestrator;

import static java.util.Objects.requireNonNull;

import io.aurelius.config.CompiledConfig;
import io.aurelius.config.model.Framing;
import io.aurelius.worldmodel.agent.AgentModel;
import io.aurelius.worldmodel.mechanics.StepBudget;

/**
 * One run to make: a compiled configuration, a framing, a seed, the agent model every agent of the
 * configuration plays on (one base model per configuration), and the per-step mechanics budget.
 */
public record RunSpec(
    CompiledConfig config, Framing framing, long seed, AgentModel model, StepBudget budget) {
  public RunSpec {
    requireNonNull(config, "config");
    requireNonNull(framing, "framing");
    requireNonNull(model, "model");
    requireNonNull(budget, "budget");
  }

  public RunSpec(CompiledConfig config, Framing framing, long seed, AgentModel model) {
    this(config, framing, seed, model, StepBudget.DEFAULT);
  }
}
