package io.aurelius.config.validation;

import io.aurelius.config.model.Effect;
import io.aurelius.config.model.Expression;
import io.aurelius.config.model.FramedTemplate;
import io.aurelius.config.model.FramedText;
import io.aurelius.config.model.Target;
import io.aurelius.config.model.Template;
import io.aurelius.config.model.Visibility;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Readers for the small shapes used all over the document. */
final class Parts {
  static final FramedTemplate EMPTY_FRAMED =
      new FramedTemplate(Template.literal("", "$"), Template.literal("", "$"));
  private static final Pattern TARGET =
      Pattern.compile(
          "^(?:(world|self)\\.([a-z][a-z0-9_]{0,29})|agents\\.([a-z][a-z0-9_]{1,29})\\.([a-z][a-z0-9_]{0,29}))$");
  private static final String TARGET_SHAPE = "world.<var>, self.<var> or agents.<name>.<var>";

  private Parts() {}

  static Optional<Expression> expression(Fields f, String key, boolean required) {
    return f.string(key, required, "a CEL expression")
        .map(source -> new Expression(source, f.at(key)));
  }

  static Optional<FramedText> framedText(Fields f, int max) {
    Optional<String> immersive = f.text("immersive", true, 1, max);
    Optional<String> control = f.text("control", true, 1, max);
    f.finish();
    return immersive.isPresent() && control.isPresent()
        ? Optional.of(new FramedText(immersive.get(), control.get()))
        : Optional.empty();
  }

  static Optional<FramedTemplate> framedTemplate(Fields f, int max) {
    Optional<Template> immersive = template(f, "immersive", max);
    Optional<Template> control = template(f, "control", max);
    f.finish();
    return immersive.isPresent() && control.isPresent()
        ? Optional.of(new FramedTemplate(immersive.get(), control.get()))
        : Optional.empty();
  }

  static Optional<Template> template(Fields f, String key, int max) {
    return f.text(key, true, 1, max)
        .map(text -> TemplateParser.parse(text, f.at(key), f.problems()));
  }

  static Optional<Target> target(String text, String path, Problems problems) {
    Matcher m = TARGET.matcher(text);
    if (!m.matches()) {
      problems.add(path, Problems.quote(text) + " (expected: " + TARGET_SHAPE + ")");
      return Optional.empty();
    }
    if (m.group(1) != null) {
      return Optional.of(
          m.group(1).equals("world")
              ? new Target.WorldVar(m.group(2))
              : new Target.SelfVar(m.group(2)));
    }
    return Optional.of(new Target.AgentVar(m.group(3), m.group(4)));
  }

  static List<Effect> effects(Fields f, String key, boolean required, int max) {
    List<Effect> effects = new ArrayList<>();
    for (Fields.Item item : f.array(key, required, 0, max, "effects {set, to}")) {
      Fields e = Fields.of(item.node(), item.path(), f.problems());
      if (!e.isObject()) {
        continue;
      }
      Optional<Target> target =
          e.string("set", true, TARGET_SHAPE).flatMap(s -> target(s, e.at("set"), e.problems()));
      Optional<Expression> to = expression(e, "to", true);
      boolean forEach = e.bool("for_each_agent", false).orElse(false);
      e.finish();
      if (target.isPresent() && to.isPresent()) {
        effects.add(new Effect(target.get(), to.get(), forEach));
      }
    }
    return effects;
  }

  static Optional<Visibility> visibility(Fields f, String key, boolean required) {
    String expected = "\"self\", \"all\" or {\"when\": <CEL bool>}";
    return f.get(key, required, expected)
        .flatMap(
            node -> {
              String path = f.at(key);
              if (node.isTextual() && node.textValue().equals("self")) {
                return Optional.of(new Visibility.SelfOnly());
              }
              if (node.isTextual() && node.textValue().equals("all")) {
                return Optional.of(new Visibility.Everyone());
              }
              if (node.isObject()) {
                Fields w = Fields.of(node, path, f.problems());
                Optional<Expression> when = expression(w, "when", true);
                w.finish();
                return when.map(Visibility.When::new);
              }
              f.problems().add(path, Problems.show(node) + " (expected: " + expected + ")");
              return Optional.empty();
            });
  }
}
