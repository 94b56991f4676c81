package io.aurelius.worldmodel.agent.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import io.aurelius.core.json.CanonicalJson;
import io.aurelius.worldmodel.agent.PromptMessage;
import io.aurelius.worldmodel.agent.endpoint.ChatCall;
import io.aurelius.worldmodel.agent.endpoint.Completion;
import io.aurelius.worldmodel.agent.endpoint.EndpointFailure;
import io.aurelius.worldmodel.agent.endpoint.EndpointFailure.Kind;
import io.aurelius.worldmodel.agent.schema.SampleSchemas;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LangChainEndpointTest {
  private final ChatCall call =
      new ChatCall(
          List.of(
              PromptMessage.system("sys"),
              PromptMessage.user("obs"),
              PromptMessage.assistant("bad"),
              PromptMessage.user("again")),
          SampleSchemas.commons().toJsonSchema(),
          5,
          Optional.empty());

  private static LangChainEndpoint endpoint(FakeChatModel fake, String model) {
    return new LangChainEndpoint(
        "fake",
        model,
        fake,
        Duration.ofSeconds(3),
        (c, format) -> ChatRequestParameters.builder().responseFormat(format).build());
  }

  @Test
  void sendsMessagesAndTheSchemaVerbatim() throws Exception {
    FakeChatModel fake =
        new FakeChatModel()
            .then(
                ChatResponse.builder()
                    .aiMessage(AiMessage.from("{}"))
                    .modelName("llama-3.1")
                    .tokenUsage(new TokenUsage(12, 3))
                    .build());
    Completion c = endpoint(fake, "llama").complete(call);
    var request = fake.requests.get(0);
    assertThat(request.messages())
        .containsExactly(
            SystemMessage.from("sys"),
            UserMessage.from("obs"),
            AiMessage.from("bad"),
            UserMessage.from("again"));
    assertThat(request.parameters().responseFormat().type()).isEqualTo(ResponseFormatType.JSON);
    assertThat(request.parameters().responseFormat().jsonSchema().name()).isEqualTo("reply");
    assertThat(
            ((JsonRawSchema) request.parameters().responseFormat().jsonSchema().rootElement())
                .schema())
        .isEqualTo(CanonicalJson.string(SampleSchemas.commons().toJsonSchema()));
    assertThat(c.text()).isEqualTo("{}");
    assertThat(c.model()).isEqualTo("llama-3.1");
    assertThat(c.sim()).isFalse();
    assertThat(c.usage())
        .hasValue(
            new io.aurelius.worldmodel.agent.TokenUsage(
                12, 3, io.aurelius.worldmodel.agent.TokenUsage.Source.REPORTED));
  }

  @Test
  void missingUsageAndModelNameFallBack() throws Exception {
    FakeChatModel fake =
        new FakeChatModel().then(ChatResponse.builder().aiMessage(AiMessage.from("x")).build());
    Completion c = endpoint(fake, "sim").complete(call);
    assertThat(c.usage()).isEmpty();
    assertThat(c.model()).isEqualTo("sim");
    assertThat(c.sim()).isTrue();
  }

  @Test
  void mapsLangChainFailuresToKinds() {
    assertKind(new RateLimitException("slow down"), Kind.RATE_LIMITED);
    assertKind(new HttpException(429, "slow down"), Kind.RATE_LIMITED);
    assertKind(new HttpException(503, "busy"), Kind.SERVER_ERROR);
    assertKind(new HttpException(401, "bad key"), Kind.REJECTED);
    assertKind(new TimeoutException("late"), Kind.TIMEOUT);
    assertKind(new RuntimeException(new ConnectException("Connection refused")), Kind.UNREACHABLE);
    assertKind(new IllegalStateException("cannot parse"), Kind.SERVER_ERROR);
  }

  private void assertKind(RuntimeException thrown, Kind kind) {
    FakeChatModel fake = new FakeChatModel().then(thrown);
    assertThatThrownBy(() -> endpoint(fake, "m").complete(call))
        .isInstanceOfSatisfying(
            EndpointFailure.class,
            f -> {
              assertThat(f.kind()).isEqualTo(kind);
              assertThat(f.getMessage()).doesNotContain("\n");
            });
  }
}
