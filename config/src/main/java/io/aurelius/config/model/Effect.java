package io.aurelius.config.model;

import static java.util.Objects.requireNonNull;

/**
 * {@code set} := {@code to}. Effects in one list apply in order, each seeing the ones before. With
 * {@code forEachAgent} (dynamics and events only) the effect is applied once per agent in the order
 * of the agents list, with {@code self} and {@code agent} bound to that agent.
 */
public record Effect(Target set, Expression to, boolean forEachAgent) {
  public Effect {
    requireNonNull(set, "set");
    requireNonNull(to, "to");
  }
}
