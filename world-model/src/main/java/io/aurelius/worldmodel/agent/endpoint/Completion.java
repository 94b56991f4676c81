package io.aurelius.worldmodel.agent.endpoint;

import static java.util.Objects.requireNonNull;

import io.aurelius.worldmodel.agent.TokenUsage;
import java.util.Optional;

/**
 * A chat completion as an endpoint returned it: the text, the usage the server reported (empty when
 * it did not), the model name it gave, and whether the server is the embedded simulation model.
 */
public record Completion(String text, Optional<TokenUsage> usage, String model, boolean sim) {
  public Completion {
    requireNonNull(text, "text");
    requireNonNull(usage, "usage");
    requireNonNull(model, "model");
  }
}
