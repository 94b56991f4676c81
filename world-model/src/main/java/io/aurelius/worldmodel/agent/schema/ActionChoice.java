package io.aurelius.worldmodel.agent.schema;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One action an agent may take now: its name (what the reply must say), a description in the
 * framing's own words, and its parameters in declaration order.
 */
public record ActionChoice(String name, String description, Map<String, ParamSpec> params) {
  public ActionChoice {
    requireNonNull(name, "name");
    requireNonNull(description, "description");
    if (name.isEmpty() || name.length() > 64) {
      throw new IllegalArgumentException("action name: '" + name + "' (expected: 1..64 chars)");
    }
    params = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(params, "params")));
  }
}
