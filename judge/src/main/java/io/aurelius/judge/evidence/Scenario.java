package io.aurelius.judge.evidence;

import static java.util.Objects.requireNonNull;

import io.aurelius.config.CompiledConfig;

/** A configuration to run for the report, where it came from and its label. */
public record Scenario(String source, Label label, CompiledConfig config) {
  public Scenario {
    requireNonNull(source, "source");
    requireNonNull(label, "label");
    requireNonNull(config, "config");
  }
}
