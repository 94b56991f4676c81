package io.aurelius.worldmodel.agent.langchain4j;

import static java.util.Objects.requireNonNull;

import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaChatRequestParameters;
import java.time.Duration;

/**
 * Endpoints on an Ollama server (its native {@code /api/chat}, structured output via {@code
 * format}).
 */
public final class OllamaEndpoints {
  private OllamaEndpoints() {}

  /**
   * @param baseUrl the server root, e.g. {@code http://host:11434}
   */
  public static LangChainEndpoint create(String baseUrl, String model, Duration timeout) {
    requireNonNull(baseUrl, "baseUrl");
    requireNonNull(model, "model");
    requireNonNull(timeout, "timeout");
    OllamaChatModel chat =
        OllamaChatModel.builder()
            .httpClientBuilder(HttpClients.forUrl(baseUrl))
            .baseUrl(baseUrl)
            .modelName(model)
            .timeout(timeout)
            .maxRetries(0)
            .build();
    return new LangChainEndpoint(
        "ollama:" + baseUrl + "#" + model,
        model,
        chat,
        timeout,
        (call, format) ->
            OllamaChatRequestParameters.builder()
                .responseFormat(format)
                .seed(call.wireSeed())
                .build());
  }
}
