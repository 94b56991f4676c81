package io.aurelius.worldmodel.orchestrator;

import io.aurelius.config.lint.OpacityLint;
import io.aurelius.config.model.Agent;
import io.aurelius.config.model.FramedTemplate;
import io.aurelius.config.model.Framings;
import io.aurelius.config.model.ScenarioConfig;
import io.aurelius.config.model.Template;
import io.aurelius.config.model.Termination;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The config module's opacity lint applied to rendered text: the text is placed where the lint
 * reads immersive text (an agent's identity) of an otherwise empty configuration.
 */
final class RenderedTextLint {
  private static final OpacityLint LINT = OpacityLint.bundled();

  private RenderedTextLint() {}

  /** The listed terms found in {@code text}. */
  static java.util.Set<String> terms(String text) {
    java.util.Set<String> out = new java.util.TreeSet<>();
    LINT.check(holding(text)).forEach(f -> out.add(f.term()));
    return out;
  }

  /** The revealing phrases in {@code text}, as "found (term) in: excerpt" strings. */
  static List<String> findings(String text) {
    return LINT.check(holding(text)).stream()
        .map(f -> "'" + f.found() + "' (" + f.term() + ") in: " + excerpt(text, f.position()))
        .toList();
  }

  private static ScenarioConfig holding(String text) {
    Agent holder =
        new Agent(
            "holder",
            Optional.empty(),
            text,
            "",
            Optional.empty(),
            Optional.empty(),
            List.of(),
            Map.of());
    Template empty = Template.literal("", "$.premise");
    ScenarioConfig c =
        new ScenarioConfig(
            "rendered",
            "",
            Optional.empty(),
            Map.of(),
            Map.of(),
            List.of(holder),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            new Termination(1, Optional.empty()),
            0,
            new Framings(new FramedTemplate(empty, empty)),
            Optional.empty(),
            Optional.empty());
    return c;
  }

  private static String excerpt(String text, int at) {
    return text.substring(Math.max(0, at - 40), Math.min(text.length(), at + 40))
        .replace('\n', ' ');
  }
}
