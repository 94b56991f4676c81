package io.aurelius.config.validation;

import io.aurelius.config.model.Action;
import io.aurelius.config.model.Actors;
import io.aurelius.config.model.Draw;
import io.aurelius.config.model.Effect;
import io.aurelius.config.model.Expression;
import io.aurelius.config.model.FramedTemplate;
import io.aurelius.config.model.FramedText;
import io.aurelius.config.model.ParamDecl;
import io.aurelius.config.model.Resolution;
import io.aurelius.config.model.Target;
import io.aurelius.config.model.Visibility;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads one action with its parameters, effects, draw, narration and visibility. */
final class ActionReader {
  private ActionReader() {}

  static Optional<Action> read(Fields f) {
    if (!f.isObject()) {
      return Optional.empty();
    }
    String name = Names.read(f, "name", Names.ENTITY).orElse("");
    Optional<FramedText> label =
        f.object("label", false, "{immersive, control}")
            .flatMap(l -> Parts.framedText(l, Limits.MAX_SHORT_LABEL_CHARS));
    Actors actors = actors(f);
    List<String> phases = new ArrayList<>();
    for (Fields.Item item : f.array("phases", false, 1, Limits.MAX_PHASES, "phase names")) {
      Check.matching(item.node(), item.path(), f.problems(), Names.ENTITY).ifPresent(phases::add);
    }
    Map<String, ParamDecl> params = new LinkedHashMap<>();
    for (Fields.Entry e : f.map("parameters", false, Limits.MAX_PARAMS, "parameters")) {
      if (!Names.VARIABLE.matcher(e.key()).matches()) {
        f.problems()
            .add(
                e.path(),
                "parameter name "
                    + Problems.quote(e.key())
                    + " (expected: "
                    + Names.VARIABLE.pattern()
                    + ")");
      }
      Names.reserved(e.key(), e.path(), f.problems());
      ParamReader.read(Fields.of(e.node(), e.path(), f.problems()))
          .ifPresent(p -> params.put(e.key(), p));
    }
    Optional<Expression> precondition = Parts.expression(f, "precondition", false);
    List<Effect> effects = Parts.effects(f, "effects", false, Limits.MAX_EFFECTS);
    Optional<Draw> draw =
        f.object("draw", false, "{from, amount, into?, resolution}").flatMap(ActionReader::draw);
    FramedTemplate narration =
        f.object("narration", true, "{immersive, control}")
            .flatMap(n -> Parts.framedTemplate(n, Limits.MAX_TEXT_CHARS))
            .orElse(Parts.EMPTY_FRAMED);
    Visibility visibility =
        Parts.visibility(f, "visibility", true).orElse(new Visibility.SelfOnly());
    f.finish();
    return Optional.of(
        new Action(
            name,
            label,
            actors,
            phases,
            params,
            precondition,
            effects,
            draw,
            narration,
            visibility));
  }

  private static Actors actors(Fields f) {
    List<Fields.Item> items =
        f.array("actors", true, 1, Limits.MAX_AGENTS, "agent names, or [\"*\"] for every agent");
    List<String> names = new ArrayList<>();
    boolean everyone = false;
    for (Fields.Item item : items) {
      if (item.node().isTextual() && item.node().textValue().equals("*")) {
        everyone = true;
        if (items.size() > 1) {
          f.problems().add(item.path(), "\"*\" with other actors (expected: [\"*\"] alone)");
        }
        continue;
      }
      Check.matching(item.node(), item.path(), f.problems(), Names.ENTITY).ifPresent(names::add);
    }
    return everyone ? Actors.EVERYONE : Actors.named(names);
  }

  private static Optional<Draw> draw(Fields f) {
    Optional<String> from =
        f.string("from", true, "world.<var>")
            .flatMap(
                s -> {
                  Optional<Target> t = Parts.target(s, f.at("from"), f.problems());
                  if (t.isPresent() && !(t.get() instanceof Target.WorldVar)) {
                    f.problems().add(f.at("from"), Problems.quote(s) + " (expected: world.<var>)");
                    return Optional.empty();
                  }
                  return t.map(Target::variable);
                });
    Optional<Expression> amount = Parts.expression(f, "amount", true);
    Optional<Target> into =
        f.string("into", false, "world.<var>, self.<var> or agents.<name>.<var>")
            .flatMap(s -> Parts.target(s, f.at("into"), f.problems()));
    String expected = "one of proportional, priority_random, equal_split";
    Optional<Resolution> resolution =
        f.string("resolution", true, expected)
            .flatMap(
                s -> {
                  Optional<Resolution> r = Resolution.fromJson(s);
                  if (r.isEmpty()) {
                    f.problems()
                        .add(
                            f.at("resolution"),
                            Problems.quote(s) + " (expected: " + expected + ")");
                  }
                  return r;
                });
    f.finish();
    if (from.isEmpty() || amount.isEmpty() || resolution.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Draw(from.get(), amount.get(), into, resolution.get()));
  }
}
