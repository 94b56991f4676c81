package io.aurelius.judge.defence;

import static java.util.Objects.requireNonNull;

import io.aurelius.judge.port.JudgeInput;

/** A canary aene and what kind it is. Judges see only the input, never the kind. */
public record Canary(CanaryKind kind, JudgeInput input) {
  public Canary {
    requireNonNull(kind, "kind");
    requireNonNull(input, "input");
  }
}
