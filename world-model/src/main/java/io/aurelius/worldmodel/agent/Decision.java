package io.aurelius.worldmodel.agent;

import static java.util.Objects.requireNonNull;

import io.aurelius.worldmodel.value.Value;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What an agent decided: its free reasoning, the action it chose and the action's parameters. */
public record Decision(String reasoning, String action, Map<String, Value> params) {
  public Decision {
    requireNonNull(reasoning, "reasoning");
    requireNonNull(action, "action");
    params = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(params, "params")));
  }
}
