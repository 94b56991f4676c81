package io.aurelius.judge.port;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * Who a judge is: a stable id (used for reputation and calibration), its kind, the model behind it
 * and, for persona judges, the Orbis Ethica perspective it takes.
 */
public record JudgeDescriptor(String id, JudgeKind kind, String model, Optional<String> persona) {
  public JudgeDescriptor {
    requireNonNull(id, "id");
    requireNonNull(kind, "kind");
    requireNonNull(model, "model");
    requireNonNull(persona, "persona");
    if (!id.matches("[a-z0-9][a-z0-9._:/+-]{0,127}")) {
      throw new IllegalArgumentException(
          "judge id: '" + id + "' (expected: [a-z0-9][a-z0-9._:/+-]{0,127})");
    }
  }

  /** {@code id [kind]}, as shown in tables, so an offline stand-in is never mistaken for an LLM. */
  public String display() {
    return id + " [" + kind.label() + "]";
  }
}
