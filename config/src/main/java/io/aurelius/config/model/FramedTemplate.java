package io.aurelius.config.model;

import static java.util.Objects.requireNonNull;

/** A template in both framings: narration, observations, phase narratives, the premise. */
public record FramedTemplate(Template immersive, Template control) {
  public FramedTemplate {
    requireNonNull(immersive, "immersive");
    requireNonNull(control, "control");
  }

  public Template get(Framing framing) {
    return framing == Framing.IMMERSIVE ? immersive : control;
  }
}
