package io.aurelius.node.cli.simulate;

import io.aurelius.node.cli.UserInputException;
import io.aurelius.worldmodel.agent.AgentModel;
import io.aurelius.worldmodel.agent.endpoint.EndpointPolicy;
import io.aurelius.worldmodel.agent.models.AgentModels;
import io.aurelius.worldmodel.agent.models.ModelSpec;
import io.aurelius.worldmodel.sim.server.DurationText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Which model the agents run on and how its endpoints are used: {@code --model} (repeat for
 * failover, first preferred), {@code --endpoint-concurrency}, {@code --timeout}, {@code
 * --attempts}, {@code --openai-api-key} (or {@code AURELIUS_OPENAI_API_KEY}). A picocli mixin.
 */
public final class ModelOptions {
  @Option(
      names = "--model",
      paramLabel = "SPEC",
      split = ",",
      defaultValue = "sim",
      description =
          "sim, openai:URL#MODEL or ollama:URL#MODEL; repeat (or comma-separate) for failover "
              + "endpoints serving the same model, first preferred (default: ${DEFAULT-VALUE}).")
  List<String> models = new ArrayList<>();

  @Option(
      names = "--endpoint-concurrency",
      paramLabel = "N",
      defaultValue = "16",
      description = "Calls in flight per endpoint at most (default: ${DEFAULT-VALUE}).")
  int endpointConcurrency;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "60s",
      description = "Time one model call may take, e.g. 30s (default: ${DEFAULT-VALUE}).")
  String timeout;

  @Option(
      names = "--attempts",
      paramLabel = "N",
      defaultValue = "3",
      description =
          "Tries per endpoint on 429, 5xx and timeouts, with backoff, before failing over "
              + "(default: ${DEFAULT-VALUE}).")
  int attempts;

  @Option(
      names = "--openai-api-key",
      paramLabel = "KEY",
      description =
          "Bearer key for OpenAI-compatible endpoints (better given as AURELIUS_OPENAI_API_KEY).")
  String apiKey;

  /** The parsed specs, in failover order. */
  public List<ModelSpec> specs() {
    List<ModelSpec> specs = new ArrayList<>();
    for (String m : models) {
      try {
        specs.add(ModelSpec.parse(m));
      } catch (IllegalArgumentException e) {
        throw new UserInputException("--" + e.getMessage());
      }
    }
    return specs;
  }

  public EndpointPolicy policy() {
    if (endpointConcurrency < 1 || endpointConcurrency > 4096) {
      throw new UserInputException(
          "--endpoint-concurrency: " + endpointConcurrency + " (expected: 1..4096)");
    }
    if (attempts < 1 || attempts > 20) {
      throw new UserInputException("--attempts: " + attempts + " (expected: 1..20)");
    }
    Duration t;
    try {
      t = DurationText.parse(timeout, "--timeout");
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage());
    }
    if (t.isZero() || t.compareTo(Duration.ofHours(1)) > 0) {
      throw new UserInputException(
          "--timeout: " + timeout + " (expected: more than 0, at most 1h)");
    }
    EndpointPolicy d = EndpointPolicy.DEFAULT;
    return d.withMaxConcurrency(endpointConcurrency)
        .withTimeout(t)
        .withAttempts(attempts, d.backoffBase(), d.backoffMax());
  }

  /**
   * The bearer key for OpenAI-compatible endpoints, if one was given (flag, environment or file).
   */
  public Optional<String> apiKey() {
    return Optional.ofNullable(apiKey).filter(k -> !k.isBlank());
  }

  /** Opens the model; the caller closes it. */
  public AgentModel open() {
    List<ModelSpec> specs = specs();
    EndpointPolicy policy = policy();
    try {
      return AgentModels.open(specs, policy, apiKey());
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--" + e.getMessage());
    }
  }
}
