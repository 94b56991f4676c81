package io.aurelius.worldmodel.agent.langchain4j;

import static java.util.Objects.requireNonNull;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatResponseMetadata;
import dev.langchain4j.model.output.TokenUsage;
import io.aurelius.core.json.CanonicalJson;
import io.aurelius.worldmodel.agent.PromptMessage;
import io.aurelius.worldmodel.agent.SimLabel;
import io.aurelius.worldmodel.agent.endpoint.ChatCall;
import io.aurelius.worldmodel.agent.endpoint.ChatEndpoint;
import io.aurelius.worldmodel.agent.endpoint.Completion;
import io.aurelius.worldmodel.agent.endpoint.EndpointFailure;
import io.aurelius.worldmodel.agent.schema.ReplySchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * A {@link ChatEndpoint} over a LangChain4j {@link ChatModel}. The reply schema is passed verbatim
 * as a raw JSON schema, so bounds LangChain4j's schema model cannot express (minimum, maximum)
 * still reach the server.
 */
public final class LangChainEndpoint implements ChatEndpoint {
  private final String name;
  private final String model;
  private final ChatModel chatModel;
  private final Duration timeout;
  private final BiFunction<ChatCall, ResponseFormat, ChatRequestParameters> parameters;

  /**
   * @param parameters builds the provider's request parameters (response format, seed) for a call
   */
  public LangChainEndpoint(
      String name,
      String model,
      ChatModel chatModel,
      Duration timeout,
      BiFunction<ChatCall, ResponseFormat, ChatRequestParameters> parameters) {
    this.name = requireNonNull(name, "name");
    this.model = requireNonNull(model, "model");
    this.chatModel = requireNonNull(chatModel, "chatModel");
    this.timeout = requireNonNull(timeout, "timeout");
    this.parameters = requireNonNull(parameters, "parameters");
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String model() {
    return model;
  }

  @Override
  public boolean sim() {
    return SimLabel.MODEL.equals(model);
  }

  @Override
  public Completion complete(ChatCall call) throws EndpointFailure {
    ResponseFormat format =
        ResponseFormat.builder()
            .type(ResponseFormatType.JSON)
            .jsonSchema(
                JsonSchema.builder()
                    .name(ReplySchema.NAME)
                    .rootElement(JsonRawSchema.from(CanonicalJson.string(call.schema())))
                    .build())
            .build();
    ChatRequest request =
        ChatRequest.builder()
            .messages(messages(call.messages()))
            .parameters(parameters.apply(call, format))
            .build();
    ChatResponse response;
    try {
      response = chatModel.chat(request);
    } catch (RuntimeException e) {
      throw Failures.classify(e, timeout);
    }
    if (response == null || response.aiMessage() == null) {
      throw new EndpointFailure(
          EndpointFailure.Kind.SERVER_ERROR, "empty answer (expected: a message)");
    }
    String text = response.aiMessage().text() == null ? "" : response.aiMessage().text();
    String served =
        response.modelName() == null || response.modelName().isBlank()
            ? model
            : response.modelName();
    boolean fingerprinted =
        response.metadata() instanceof OpenAiChatResponseMetadata m
            && SimLabel.FINGERPRINT.equals(m.systemFingerprint());
    return new Completion(
        text, usage(response.tokenUsage()), served, fingerprinted || SimLabel.MODEL.equals(served));
  }

  private static Optional<io.aurelius.worldmodel.agent.TokenUsage> usage(TokenUsage u) {
    if (u == null || u.inputTokenCount() == null || u.outputTokenCount() == null) {
      return Optional.empty();
    }
    return Optional.of(
        new io.aurelius.worldmodel.agent.TokenUsage(
            u.inputTokenCount(),
            u.outputTokenCount(),
            io.aurelius.worldmodel.agent.TokenUsage.Source.REPORTED));
  }

  private static List<ChatMessage> messages(List<PromptMessage> prompt) {
    List<ChatMessage> out = new ArrayList<>(prompt.size());
    for (PromptMessage m : prompt) {
      out.add(
          switch (m.role()) {
            case SYSTEM -> SystemMessage.from(m.text());
            case USER -> UserMessage.from(m.text());
            case ASSISTANT -> AiMessage.from(m.text());
          });
    }
    return out;
  }
}
