package io.aurelius.config.model;

import static java.util.Objects.requireNonNull;

/** Plain text in both framings, e.g. an action's label shown to agents. */
public record FramedText(String immersive, String control) {
  public FramedText {
    requireNonNull(immersive, "immersive");
    requireNonNull(control, "control");
  }

  public String get(Framing framing) {
    return framing == Framing.IMMERSIVE ? immersive : control;
  }
}
