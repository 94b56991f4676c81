package io.aurelius.worldmodel.orchestrator;

import io.aurelius.config.cel.Bindings;
import io.aurelius.config.model.ScenarioConfig;
import io.aurelius.worldmodel.state.Assignment;
import io.aurelius.worldmodel.state.MutableState;
import java.util.Map;

/**
 * The CEL bindings of a step: the world, every agent's state, {@code by_agent}, {@code step},
 * {@code phase} and {@code names}, rebuilt only after the state changes; callers add the variables
 * of their scope (self, actor, params, viewer, chosen, drawn).
 */
final class Bindery {
  private final MutableState state;
  private final Map<String, String> names;
  private final long step;
  private final String phase;
  private Bindings base;

  Bindery(ScenarioConfig config, MutableState state, int step, String phase) {
    this.state = state;
    this.names = config.shownNames();
    this.step = step;
    this.phase = phase;
  }

  Bindings.Builder with() {
    if (base == null) {
      base =
          Bindings.builder()
              .world(state.world())
              .agents(state.agents())
              .step(step)
              .phase(phase)
              .names(names)
              .build();
    }
    return base.toBuilder();
  }

  /** {@link #with()} plus {@code self.*} bound to {@code agent}'s state. */
  Bindings.Builder self(String agent) {
    return with().self(state.agent(agent));
  }

  /** Records that the state changed (after any assignment). */
  Assignment changed(Assignment a) {
    base = null;
    return a;
  }
}
