package io.aurelius.worldmodel.agent.models;

import static java.util.Objects.requireNonNull;

import io.aurelius.worldmodel.agent.endpoint.ChatEndpoint;
import io.aurelius.worldmodel.agent.endpoint.EndpointAgentModel;
import io.aurelius.worldmodel.agent.endpoint.EndpointPolicy;
import io.aurelius.worldmodel.agent.langchain4j.OllamaEndpoints;
import io.aurelius.worldmodel.agent.langchain4j.OpenAiEndpoints;
import io.aurelius.worldmodel.sim.SimEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Builds the agent model for a list of specs, in failover order. */
public final class AgentModels {
  private AgentModels() {}

  /**
   * One model over {@code specs} (the first preferred, the rest failover). The in-process {@code
   * sim} must stand alone: mixing it with real endpoints would blur which output is simulated.
   *
   * @param apiKey the bearer key for OpenAI-compatible servers (e.g. from AURELIUS_OPENAI_API_KEY)
   * @return an agent model, which also serves structured calls with any schema ({@code chat})
   */
  public static EndpointAgentModel open(
      List<ModelSpec> specs, EndpointPolicy policy, Optional<String> apiKey) {
    requireNonNull(specs, "specs");
    requireNonNull(policy, "policy");
    requireNonNull(apiKey, "apiKey");
    if (specs.isEmpty()) {
      throw new IllegalArgumentException(
          "model: none given (expected: sim, openai:URL#MODEL or ollama:URL#MODEL)");
    }
    boolean inProcessSim = specs.stream().anyMatch(s -> s instanceof ModelSpec.Sim);
    if (inProcessSim && specs.size() > 1) {
      throw new IllegalArgumentException(
          "model: sim given with other endpoints (expected: sim alone, or only "
              + "real endpoints)");
    }
    String description = specs.stream().map(ModelSpec::text).collect(Collectors.joining(", "));
    if (inProcessSim) {
      int cores = Runtime.getRuntime().availableProcessors();
      return new EndpointAgentModel(
          description,
          List.of(new SimEndpoint()),
          List.of(
              policy
                  .withMaxConcurrency(Math.max(2, cores))
                  .withAttempts(1, policy.backoffBase(), policy.backoffMax())));
    }
    List<ChatEndpoint> endpoints = new ArrayList<>();
    List<EndpointPolicy> policies = new ArrayList<>();
    for (ModelSpec spec : specs) {
      if (spec instanceof ModelSpec.OpenAi o) {
        endpoints.add(OpenAiEndpoints.create(o.baseUrl(), o.model(), apiKey, policy.timeout()));
      } else if (spec instanceof ModelSpec.Ollama o) {
        endpoints.add(OllamaEndpoints.create(o.baseUrl(), o.model(), policy.timeout()));
      }
      policies.add(policy);
    }
    return new EndpointAgentModel(description, endpoints, policies);
  }
}
