package io.aurelius.worldmodel.framing;

import static java.util.Objects.requireNonNull;

import io.aurelius.config.model.Action;
import io.aurelius.config.model.Agent;
import io.aurelius.config.model.Framing;
import io.aurelius.config.model.ParamDecl;
import io.aurelius.config.module.MemoryPolicy;
import io.aurelius.config.module.ModuleUse;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the two messages of a turn. The system message is who the agent is (identity, goal,
 * stance, private knowledge) and how to answer; the user message is the situation now. Both are
 * pure functions of their inputs, so a replay renders the same bytes.
 */
public final class PromptRenderer {
  private final Framing framing;
  private final Wording wording;
  private final Map<String, String> systems = new HashMap<>();

  private final Optional<MemoryPolicy> memory;

  public PromptRenderer(Framing framing) {
    this(framing, ModuleUse.BASE);
  }

  /** With the framing pack's phrases and the memory policy's summary of older turns. */
  public PromptRenderer(Framing framing, ModuleUse modules) {
    this.framing = requireNonNull(framing, "framing");
    this.wording = Wording.of(framing, modules.framing());
    this.memory = modules.memory();
  }

  public Framing framing() {
    return framing;
  }

  /** The system message of an agent (cached: it never changes during a run). */
  public synchronized String system(Agent agent) {
    return systems.computeIfAbsent(agent.name(), k -> wording.system(agent));
  }

  public String user(Turn turn, String reflectName) {
    requireNonNull(turn, "turn");
    StringBuilder b = new StringBuilder(1024);
    paragraph(b, wording.stepLine(turn));
    paragraph(b, turn.premise());
    turn.older()
        .filter(o -> o.lastStep() > 0)
        .ifPresent(
            o ->
                paragraph(
                    b,
                    memory.flatMap(MemoryPolicy::olderHeader).map(h -> h.get(framing)).orElse("")
                        + "\n"
                        + wording.olderLine(o)));
    if (!turn.memory().isEmpty()) {
      StringBuilder m = new StringBuilder(wording.memoryHeader());
      turn.memory().forEach(x -> m.append('\n').append(wording.memoryLine(x)));
      paragraph(b, m.toString());
    }
    turn.phaseNarrative().ifPresent(n -> paragraph(b, n));
    if (!turn.news().isEmpty()) {
      String header = wording.newsHeader();
      paragraph(b, (header.isEmpty() ? "" : header + "\n") + String.join("\n", turn.news()));
    }
    if (!turn.observations().isEmpty()) {
      paragraph(b, String.join("\n", turn.observations()));
    }
    StringBuilder menu = new StringBuilder(wording.menuHeader());
    for (Action a : turn.offered()) {
      menu.append("\n- ").append(a.name()).append(": ").append(wording.actionLabel(a));
      a.parameters()
          .forEach(
              (name, decl) ->
                  menu.append(". ")
                      .append(name)
                      .append(" = ")
                      .append(decl.label().map(l -> l.get(framing)).orElse(name.replace('_', ' ')))
                      .append(" (")
                      .append(bounds(decl))
                      .append(')'));
      menu.append('.').append(wording.ruleOf(a));
    }
    if (turn.reflectOffered()) {
      menu.append("\n- ")
          .append(reflectName)
          .append(": ")
          .append(wording.reflectLabel())
          .append('.');
    }
    paragraph(b, menu.toString());
    return b.toString().stripTrailing();
  }

  /** What an agent learns when its action did not happen (the action, when there was one). */
  public String invalidNotice(java.util.Optional<Action> action, String reason) {
    return wording.invalidNotice(
        action.map(Action::name).orElse(""), action.map(wording::actionLabel).orElse(""), reason);
  }

  private String bounds(ParamDecl decl) {
    if (decl instanceof ParamDecl.IntParam p) {
      return wording.bounds("range", p.min() + ".." + p.max());
    }
    if (decl instanceof ParamDecl.DoubleParam p) {
      return wording.bounds("range", fmt(p.min()) + ".." + fmt(p.max()));
    }
    if (decl instanceof ParamDecl.ChoiceParam p) {
      return wording.bounds("choice", String.join(", ", p.values()));
    }
    if (decl instanceof ParamDecl.TextParam p) {
      return wording.bounds("text", Integer.toString(p.maxLength()));
    }
    return wording.bounds("flag", "");
  }

  private static String fmt(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }

  private static void paragraph(StringBuilder b, String text) {
    if (text == null || text.isBlank()) {
      return;
    }
    if (b.length() > 0) {
      b.append("\n\n");
    }
    b.append(text.strip());
  }
}
