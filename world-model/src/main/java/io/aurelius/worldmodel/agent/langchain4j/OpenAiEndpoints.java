package io.aurelius.worldmodel.agent.langchain4j;

import static java.util.Objects.requireNonNull;

import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import io.aurelius.worldmodel.agent.SimLabel;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Endpoints on any OpenAI-compatible server: vLLM, llama.cpp server, LM Studio, hosted APIs,
 * sim-llm.
 */
public final class OpenAiEndpoints {
  private OpenAiEndpoints() {}

  /**
   * @param baseUrl the server's API root, e.g. {@code http://host:8000/v1}
   * @param apiKey sent as a bearer token; servers that need none accept any value
   */
  public static LangChainEndpoint create(
      String baseUrl, String model, Optional<String> apiKey, Duration timeout) {
    requireNonNull(baseUrl, "baseUrl");
    requireNonNull(model, "model");
    requireNonNull(apiKey, "apiKey");
    requireNonNull(timeout, "timeout");
    OpenAiChatModel chat =
        OpenAiChatModel.builder()
            .httpClientBuilder(HttpClients.forUrl(baseUrl))
            .baseUrl(baseUrl)
            .apiKey(apiKey.filter(k -> !k.isBlank()).orElse("none"))
            .modelName(model)
            .timeout(timeout)
            .maxRetries(0)
            .strictJsonSchema(true)
            .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA)
            .build();
    boolean sim = SimLabel.MODEL.equals(model);
    return new LangChainEndpoint(
        "openai:" + baseUrl + "#" + model,
        model,
        chat,
        timeout,
        (call, format) -> {
          OpenAiChatRequestParameters.Builder p =
              OpenAiChatRequestParameters.builder().responseFormat(format).seed(call.wireSeed());
          // Only a served sim model reads the persona hint; a real server never sees it.
          if (sim && call.persona().isPresent()) {
            p.customParameters(Map.of("aurelius_persona", call.persona().get()));
          }
          return p.build();
        });
  }
}
