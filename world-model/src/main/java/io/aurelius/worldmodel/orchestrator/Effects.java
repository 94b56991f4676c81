package io.aurelius.worldmodel.orchestrator;

import io.aurelius.config.cel.Bindings;
import io.aurelius.config.model.Agent;
import io.aurelius.config.model.Effect;
import io.aurelius.config.model.ScenarioConfig;
import io.aurelius.worldmodel.mechanics.MechanicFailure;
import io.aurelius.worldmodel.mechanics.Mechanics;
import io.aurelius.worldmodel.state.Assignment;
import io.aurelius.worldmodel.state.MutableState;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Applies lists of effects in order, each seeing the ones before. A failing expression or a refused
 * assignment is recorded and only that effect is skipped; clamps are recorded.
 */
final class Effects {
  private final ScenarioConfig config;
  private final MutableState state;
  private final Bindery bindery;
  private final Mechanics mechanics;
  private final List<String> clamps;

  Effects(
      ScenarioConfig config,
      MutableState state,
      Bindery bindery,
      Mechanics mechanics,
      List<String> clamps) {
    this.config = config;
    this.state = state;
    this.bindery = bindery;
    this.mechanics = mechanics;
    this.clamps = clamps;
  }

  /**
   * Applies {@code effects}; {@code scope} adds the context's variables to a bindings builder
   * (given the agent a {@code for_each_agent} effect is applied to, or empty), {@code self} is the
   * agent {@code self.*} targets mean outside {@code for_each_agent}.
   */
  void apply(
      List<Effect> effects,
      Optional<String> self,
      Function<Optional<String>, Bindings> scope,
      String who) {
    for (Effect effect : effects) {
      if (effect.forEachAgent()) {
        for (Agent a : config.agents()) {
          one(effect, Optional.of(a.name()), scope.apply(Optional.of(a.name())), who);
        }
      } else {
        one(effect, self, scope.apply(Optional.empty()), who);
      }
    }
  }

  private void one(Effect effect, Optional<String> self, Bindings bindings, String who) {
    Optional<Object> value = mechanics.evaluate(effect.to(), bindings);
    if (value.isEmpty()) {
      return;
    }
    record(state.assign(effect.set(), self.orElse(""), value.get()), effect.to().path(), who);
  }

  void record(Assignment a, String path, String who) {
    bindery.changed(a);
    if (a instanceof Assignment.Clamped c) {
      clamps.add(c.target() + ": " + c.asked() + " clamped to " + c.stored() + " (" + who + ")");
    } else if (a instanceof Assignment.Refused r) {
      mechanics.record(new MechanicFailure(path, r.target() + " not assigned: " + r.reason()));
    }
  }
}
