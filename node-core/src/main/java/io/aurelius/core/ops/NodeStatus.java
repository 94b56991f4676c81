package io.aurelius.core.ops;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.service.Service;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a node says about itself at one moment: its role and hotkey, its lifecycle state, an
 * optional problem that makes it unhealthy while running, and role-specific facts shown on the
 * dashboard (values are strings, numbers, booleans, lists or maps of those).
 */
public record NodeStatus(
    String role,
    String hotkey,
    Service.State state,
    Optional<String> problem,
    Map<String, Object> facts) {
  public NodeStatus {
    requireNonNull(role, "role");
    requireNonNull(hotkey, "hotkey");
    requireNonNull(state, "state");
    requireNonNull(problem, "problem");
    facts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(facts));
  }

  public static NodeStatus of(String role, String hotkey, Service.State state) {
    return new NodeStatus(role, hotkey, state, Optional.empty(), Map.of());
  }

  /** Healthy: running with no problem. */
  public boolean healthy() {
    return state == Service.State.RUNNING && problem.isEmpty();
  }

  public NodeStatus withProblem(String why) {
    return new NodeStatus(role, hotkey, state, Optional.of(requireNonNull(why, "why")), facts);
  }

  /** The same status with one more fact (replacing one of the same name). */
  public NodeStatus with(String name, Object value) {
    requireNonNull(name, "name");
    requireNonNull(value, "value");
    Map<String, Object> more = new LinkedHashMap<>(facts);
    more.put(name, value);
    return new NodeStatus(role, hotkey, state, problem, more);
  }
}
