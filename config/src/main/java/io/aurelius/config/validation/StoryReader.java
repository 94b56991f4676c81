package io.aurelius.config.validation;

import io.aurelius.config.model.Effect;
import io.aurelius.config.model.Event;
import io.aurelius.config.model.Expression;
import io.aurelius.config.model.FramedTemplate;
import io.aurelius.config.model.Framings;
import io.aurelius.config.model.Observation;
import io.aurelius.config.model.Phase;
import io.aurelius.config.model.PhaseMode;
import io.aurelius.config.model.Template;
import io.aurelius.config.model.Termination;
import io.aurelius.config.model.Visibility;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Reads what happens around the actions: observations, events, phases, termination, framings. */
final class StoryReader {
  private StoryReader() {}

  static Optional<Observation> observation(Fields f) {
    if (!f.isObject()) {
      return Optional.empty();
    }
    Optional<Visibility> visibleTo = Parts.visibility(f, "visible_to", true);
    Optional<Template> immersive = Parts.template(f, "immersive", Limits.MAX_TEXT_CHARS);
    Optional<Template> control = Parts.template(f, "control", Limits.MAX_TEXT_CHARS);
    f.finish();
    if (visibleTo.isEmpty() || immersive.isEmpty() || control.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Observation(visibleTo.get(), new FramedTemplate(immersive.get(), control.get())));
  }

  static Optional<Event> event(Fields f) {
    if (!f.isObject()) {
      return Optional.empty();
    }
    String name = Names.read(f, "name", Names.ENTITY).orElse("");
    Optional<Long> atStep = f.integer("at_step", false, 1, Limits.MAX_STEPS);
    Optional<Expression> when = Parts.expression(f, "when", false);
    if (f.isObject() && !f.has("at_step") && !f.has("when")) {
      f.problems().add(f.path(), "neither at_step nor when (expected: at least one of them)");
    }
    boolean once = f.bool("once", false).orElse(false);
    List<Effect> effects = Parts.effects(f, "effects", false, Limits.MAX_EFFECTS);
    FramedTemplate narration =
        f.object("narration", true, "{immersive, control}")
            .flatMap(n -> Parts.framedTemplate(n, Limits.MAX_TEXT_CHARS))
            .orElse(Parts.EMPTY_FRAMED);
    Visibility visibility =
        Parts.visibility(f, "visibility", true).orElse(new Visibility.Everyone());
    f.finish();
    OptionalInt step = atStep.map(s -> OptionalInt.of(s.intValue())).orElse(OptionalInt.empty());
    return Optional.of(new Event(name, step, when, once, effects, narration, visibility));
  }

  static Optional<Phase> phase(Fields f) {
    if (!f.isObject()) {
      return Optional.empty();
    }
    String name = Names.read(f, "name", Names.ENTITY).orElse("");
    int steps = f.integer("steps", true, 1, Limits.MAX_PHASE_STEPS).orElse(1L).intValue();
    String expected = "decision or reflection";
    PhaseMode mode =
        f.string("mode", true, expected)
            .flatMap(
                s -> {
                  Optional<PhaseMode> m = PhaseMode.fromJson(s);
                  if (m.isEmpty()) {
                    f.problems()
                        .add(f.at("mode"), Problems.quote(s) + " (expected: " + expected + ")");
                  }
                  return m;
                })
            .orElse(PhaseMode.DECISION);
    Optional<FramedTemplate> narrative =
        f.object("narrative", false, "{immersive, control}")
            .flatMap(n -> Parts.framedTemplate(n, Limits.MAX_TEXT_CHARS));
    f.finish();
    return Optional.of(new Phase(name, steps, mode, narrative));
  }

  static Termination termination(Fields top) {
    Optional<Fields> f = top.object("termination", true, "{max_steps, when?}");
    if (f.isEmpty()) {
      return new Termination(Limits.MAX_STEPS, Optional.empty());
    }
    int maxSteps =
        f.get()
            .integer("max_steps", true, 1, Limits.MAX_STEPS)
            .orElse((long) Limits.MAX_STEPS)
            .intValue();
    Optional<Expression> when = Parts.expression(f.get(), "when", false);
    f.get().finish();
    return new Termination(maxSteps, when);
  }

  static Framings framings(Fields top) {
    Optional<Fields> f = top.object("framings", true, "{immersive: {premise}, control: {premise}}");
    if (f.isEmpty()) {
      return new Framings(Parts.EMPTY_FRAMED);
    }
    Optional<Template> immersive = premise(f.get(), "immersive");
    Optional<Template> control = premise(f.get(), "control");
    f.get().finish();
    return new Framings(
        new FramedTemplate(
            immersive.orElse(Parts.EMPTY_FRAMED.immersive()),
            control.orElse(Parts.EMPTY_FRAMED.control())));
  }

  private static Optional<Template> premise(Fields framings, String key) {
    Optional<Fields> f = framings.object(key, true, "{premise}");
    if (f.isEmpty()) {
      return Optional.empty();
    }
    Optional<Template> premise = Parts.template(f.get(), "premise", Limits.MAX_TEXT_CHARS);
    f.get().finish();
    return premise;
  }
}
