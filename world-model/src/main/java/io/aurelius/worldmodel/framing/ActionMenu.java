package io.aurelius.worldmodel.framing;

import static java.util.Objects.requireNonNull;

import io.aurelius.config.model.Action;
import io.aurelius.config.model.Framing;
import io.aurelius.config.model.ParamDecl;
import io.aurelius.config.model.ScenarioConfig;
import io.aurelius.config.module.FramingPack;
import io.aurelius.worldmodel.agent.schema.ActionChoice;
import io.aurelius.worldmodel.agent.schema.ParamSpec;
import io.aurelius.worldmodel.agent.schema.ReplySchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The legal replies of a turn as a {@link ReplySchema}: each offered action with its bounded
 * parameters, described in the framing's words, plus, where the world asks only for thought (a
 * reflection phase) or offers the agent nothing, the orchestrator's own {@code reflect}.
 */
public final class ActionMenu {
  private final Framing framing;
  private final Wording wording;
  private final String reflectName;

  public ActionMenu(ScenarioConfig config, Framing framing) {
    this(config, framing, Optional.empty());
  }

  /** With a framing pack's phrases (its reflect label), as the prompt shows them. */
  public ActionMenu(ScenarioConfig config, Framing framing, Optional<FramingPack> pack) {
    requireNonNull(config, "config");
    this.framing = requireNonNull(framing, "framing");
    this.wording = Wording.of(framing, pack);
    this.reflectName = reflectName(config);
  }

  /** The name of the reflect pseudo-action: {@code reflect}, unless the configuration uses it. */
  public static String reflectName(ScenarioConfig config) {
    String name = "reflect";
    for (int k = 2; config.action(name).isPresent(); k++) {
      name = "reflect_" + k;
    }
    return name;
  }

  public String reflectName() {
    return reflectName;
  }

  public ReplySchema schema(List<Action> offered, boolean reflect) {
    List<ActionChoice> choices = new ArrayList<>();
    for (Action a : offered) {
      Map<String, ParamSpec> params = new LinkedHashMap<>();
      Map<String, String> descriptions = new LinkedHashMap<>();
      a.parameters()
          .forEach(
              (name, decl) -> {
                params.put(name, spec(decl));
                decl.label().ifPresent(l -> descriptions.put(name, l.get(framing)));
              });
      String rule = wording.ruleOf(a);
      choices.add(new ActionChoice(a.name(), wording.actionLabel(a) + rule, params, descriptions));
    }
    if (reflect) {
      choices.add(new ActionChoice(reflectName, wording.reflectLabel(), Map.of()));
    }
    return new ReplySchema(
        choices, wording.reasoningDescription(), ReplySchema.DEFAULT_MAX_REASONING);
  }

  /** The bounds of a configuration parameter as the reply schema states them. */
  public static ParamSpec spec(ParamDecl decl) {
    if (decl instanceof ParamDecl.IntParam p) {
      return new ParamSpec.IntRange(p.min(), p.max());
    }
    if (decl instanceof ParamDecl.DoubleParam p) {
      return new ParamSpec.RealRange(p.min(), p.max());
    }
    if (decl instanceof ParamDecl.ChoiceParam p) {
      return new ParamSpec.OneOf(p.values());
    }
    if (decl instanceof ParamDecl.TextParam p) {
      return new ParamSpec.FreeText(p.maxLength());
    }
    return new ParamSpec.Flag();
  }
}
