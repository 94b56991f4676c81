package io.aurelius.worldmodel.agent;

import static java.util.Objects.requireNonNull;

import io.aurelius.worldmodel.agent.schema.ReplySchema;
import java.util.Optional;

/**
 * One agent turn to be played: the system message (who the agent is), the user message (what it
 * observes now), the schema of the legal reply and a seed that makes seeded models reproducible.
 * {@code persona} is a hint only the embedded simulation model reads; a real model never sees it.
 */
public record AgentRequest(
    String agent,
    String system,
    String user,
    ReplySchema schema,
    long seed,
    Optional<String> persona) {
  public AgentRequest {
    requireNonNull(agent, "agent");
    requireNonNull(system, "system");
    requireNonNull(user, "user");
    requireNonNull(schema, "schema");
    requireNonNull(persona, "persona");
  }

  public AgentRequest(String agent, String system, String user, ReplySchema schema, long seed) {
    this(agent, system, user, schema, seed, Optional.empty());
  }
}
