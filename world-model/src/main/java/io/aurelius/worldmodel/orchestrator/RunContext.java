package io.aurelius.worldmodel.orchestrator;

import io.aurelius.config.CompiledConfig;
import io.aurelius.config.CompiledTemplate;
import io.aurelius.config.model.Action;
import io.aurelius.config.model.Agent;
import io.aurelius.config.model.Phase;
import io.aurelius.config.model.PhaseMode;
import io.aurelius.config.model.ScenarioConfig;
import io.aurelius.config.model.Template;
import io.aurelius.config.module.MemoryPolicy;
import io.aurelius.worldmodel.agent.schema.ReplySchema;
import io.aurelius.worldmodel.framing.ActionMenu;
import io.aurelius.worldmodel.framing.PromptRenderer;
import io.aurelius.worldmodel.framing.Turn;
import io.aurelius.worldmodel.mechanics.Mechanics;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a run carries from step to step besides the world state: memories, news, caches. */
final class RunContext {
  final RunSpec spec;
  final CompiledConfig compiled;
  final ScenarioConfig config;
  final PromptRenderer renderer;
  final ActionMenu menu;
  final Map<Template, CompiledTemplate> templates = Mechanics.templateCache();

  /** Each agent's own recent turns, newest last, at most the memory window. */
  final Map<String, Deque<Turn.Memory>> memories = new LinkedHashMap<>();

  /** Each agent's turns older than the window, summed up (only under a summarising policy). */
  final Map<String, Turn.Recollection> older = new LinkedHashMap<>();

  private final boolean summarise;

  /** What each agent saw follow its last turn. */
  Map<String, List<String>> lastConsequences = new LinkedHashMap<>();

  /** What each agent chose last step ("" for nothing, a reflection, or an invalid action). */
  Map<String, String> chosen = new LinkedHashMap<>();

  private final Map<String, Offer> offers = new HashMap<>();

  RunContext(RunSpec spec) {
    this.spec = spec;
    this.compiled = spec.config();
    this.config = compiled.config();
    this.renderer = new PromptRenderer(spec.framing(), compiled.modules());
    this.summarise =
        compiled
            .modules()
            .memory()
            .map(p -> p.summary() == MemoryPolicy.Summary.FIRST_PERSON)
            .orElse(false);
    this.menu = new ActionMenu(config, spec.framing(), compiled.modules().framing());
    for (Agent a : config.agents()) {
      memories.put(a.name(), new ArrayDeque<>());
      lastConsequences.put(a.name(), List.of());
      chosen.put(a.name(), "");
    }
  }

  /** The actions offered to an agent in a phase, and the schema of its legal replies (cached). */
  record Offer(List<Action> actions, boolean reflect, ReplySchema schema) {}

  Offer offer(Agent agent, Optional<Phase> phase) {
    String key = agent.name() + "\u0000" + phase.map(Phase::name).orElse("");
    return offers.computeIfAbsent(
        key,
        k -> {
          List<Action> actions =
              config.actions().stream()
                  .filter(a -> a.actors().includes(agent.name()) && a.offeredIn(phase))
                  .toList();
          boolean reflect =
              actions.isEmpty() || phase.map(p -> p.mode() == PhaseMode.REFLECTION).orElse(false);
          return new Offer(actions, reflect, menu.schema(actions, reflect));
        });
  }

  void remember(String agent, Turn.Memory memory) {
    Deque<Turn.Memory> m = memories.get(agent);
    m.addLast(memory);
    while (m.size() > config.memoryWindow()) {
      Turn.Memory forgotten = m.removeFirst();
      if (summarise) {
        older.merge(agent, Turn.Recollection.EMPTY.plus(forgotten), (a, b) -> a.plus(forgotten));
      }
    }
  }

  /** The first step of {@code phase}, 1-based. */
  int firstStep(Phase phase) {
    int start = 1;
    for (Phase p : config.phases()) {
      if (p == phase) {
        return start;
      }
      start += p.steps();
    }
    return -1;
  }
}
