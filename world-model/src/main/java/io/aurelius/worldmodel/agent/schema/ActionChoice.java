package io.aurelius.worldmodel.agent.schema;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One action an agent may take now: its name (what the reply must say), a description in the
 * framing's own words, its parameters in declaration order, and what each parameter means (in the
 * framing's words; absent when the configuration gives no label).
 */
public record ActionChoice(
    String name,
    String description,
    Map<String, ParamSpec> params,
    Map<String, String> paramDescriptions) {
  public ActionChoice {
    requireNonNull(name, "name");
    requireNonNull(description, "description");
    if (name.isEmpty() || name.length() > 64) {
      throw new IllegalArgumentException("action name: '" + name + "' (expected: 1..64 chars)");
    }
    params = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(params, "params")));
    paramDescriptions =
        Collections.unmodifiableMap(
            new LinkedHashMap<>(requireNonNull(paramDescriptions, "paramDescriptions")));
    for (String p : paramDescriptions.keySet()) {
      if (!params.containsKey(p)) {
        throw new IllegalArgumentException(
            "paramDescriptions: '" + p + "' (expected: one of " + params.keySet() + ")");
      }
    }
  }

  public ActionChoice(String name, String description, Map<String, ParamSpec> params) {
    this(name, description, params, Map.of());
  }
}
