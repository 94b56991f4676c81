package io.aurelius.worldmodel.agent.endpoint;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.worldmodel.agent.PromptMessage;
import java.util.List;
import java.util.Optional;

/**
 * One chat completion to request: the messages, the JSON Schema the reply must follow (sent as
 * structured output; never modified), a seed, and the persona hint only the embedded simulation
 * model reads.
 */
public record ChatCall(
    List<PromptMessage> messages, JsonNode schema, long seed, Optional<String> persona) {
  public ChatCall {
    messages = List.copyOf(requireNonNull(messages, "messages"));
    requireNonNull(schema, "schema");
    requireNonNull(persona, "persona");
  }

  /** The seed as the 32-bit integer chat APIs take: both halves folded, so no bit is lost. */
  public int wireSeed() {
    return (int) (seed ^ (seed >>> 32));
  }
}
