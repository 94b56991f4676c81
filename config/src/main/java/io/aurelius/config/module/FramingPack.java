package io.aurelius.config.module;

import static java.util.Objects.requireNonNull;

import io.aurelius.config.model.Framing;
import java.util.Map;
import java.util.Optional;

/** Replacements for fixed phrases of the two framings; a phrase not given keeps its wording. */
public record FramingPack(
    ModuleInfo info, Map<Phrase, String> immersive, Map<Phrase, String> control) implements Module {
  public FramingPack {
    requireNonNull(info, "info");
    immersive = Map.copyOf(immersive);
    control = Map.copyOf(control);
  }

  public Optional<String> phrase(Framing framing, Phrase phrase) {
    return Optional.ofNullable((framing == Framing.IMMERSIVE ? immersive : control).get(phrase));
  }

  /** The phrases a framing pack may replace. */
  public enum Phrase {
    MEMORY_HEADER("memory_header"),
    NEWS_HEADER("news_header"),
    MENU_HEADER("menu_header"),
    REFLECT_LABEL("reflect_label");

    private final String json;

    Phrase(String json) {
      this.json = json;
    }

    public String json() {
      return json;
    }
  }
}
