package io.aurelius.worldmodel.agent;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The result of one agent turn: the outcome, the last raw text the model returned (empty when
 * none), tokens, wall-clock latency including retries, the model's name as the server gave it,
 * whether the reply came from the embedded simulation model ({@code sim}), the endpoint that
 * answered, how many calls were made and every incident on the way (retries, failover, repair) as
 * one-line reasons.
 */
public record AgentReply(
    ReplyOutcome outcome,
    String rawText,
    TokenUsage tokens,
    Duration latency,
    String model,
    boolean sim,
    String endpoint,
    int calls,
    List<String> incidents) {
  public AgentReply {
    requireNonNull(outcome, "outcome");
    requireNonNull(rawText, "rawText");
    requireNonNull(tokens, "tokens");
    requireNonNull(latency, "latency");
    requireNonNull(model, "model");
    requireNonNull(endpoint, "endpoint");
    incidents = List.copyOf(incidents);
  }

  /** The decision when the model answered within the schema. */
  public Optional<Decision> decision() {
    return outcome instanceof ReplyOutcome.Decided d ? Optional.of(d.decision()) : Optional.empty();
  }
}
