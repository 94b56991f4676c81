package io.aurelius.config.module;

import java.util.Arrays;
import java.util.Optional;

/** What a module changes in the world model. */
public enum ModuleKind {
  /** Namespaced state, actions, dynamics, observations and events merged into a configuration. */
  MECHANIC_PACK("mechanic_pack"),
  /** How an agent's own past is shown to it: window and summary of older turns. */
  MEMORY_POLICY("memory_policy"),
  /** The fixed phrases of the immersive and control framings. */
  FRAMING_PACK("framing_pack");

  private final String json;

  ModuleKind(String json) {
    this.json = json;
  }

  public String json() {
    return json;
  }

  public static Optional<ModuleKind> fromJson(String s) {
    return Arrays.stream(values()).filter(k -> k.json.equals(s)).findFirst();
  }
}
