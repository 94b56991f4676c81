package io.aurelius.worldmodel.agent.endpoint;

import static java.util.Objects.requireNonNull;

import io.aurelius.worldmodel.agent.TokenUsage;
import java.util.List;
import java.util.Optional;

/**
 * One structured chat call made with retries and failover, for callers other than agent turns (a
 * judge, say): the completion when an endpoint gave one (unparsed: the caller reads it against its
 * own schema), tokens, the endpoint that answered, calls made and incidents.
 */
public record ChatResult(
    Optional<Completion> completion,
    TokenUsage tokens,
    String endpoint,
    int calls,
    List<String> incidents) {
  public ChatResult {
    requireNonNull(completion, "completion");
    requireNonNull(tokens, "tokens");
    requireNonNull(endpoint, "endpoint");
    incidents = List.copyOf(incidents);
  }
}
