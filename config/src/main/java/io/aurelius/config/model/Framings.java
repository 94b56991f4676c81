package io.aurelius.config.model;

import static java.util.Objects.requireNonNull;

/**
 * The premise in each framing: the immersive one is a first-person, present-tense narrative; the
 * control one states plainly that this is a game and what its rules are.
 */
public record Framings(FramedTemplate premise) {
  public Framings {
    requireNonNull(premise, "premise");
  }

  public Template premise(Framing framing) {
    return premise.get(framing);
  }
}
