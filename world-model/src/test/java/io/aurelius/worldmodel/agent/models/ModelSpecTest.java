package io.aurelius.worldmodel.agent.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurelius.worldmodel.agent.endpoint.EndpointPolicy;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelSpecTest {
  @Test
  void parsesTheThreeForms() {
    assertThat(ModelSpec.parse("sim")).isEqualTo(new ModelSpec.Sim());
    assertThat(ModelSpec.parse("openai:http://10.0.0.2:8000/v1/#meta-llama/Llama-3.1-8B-Instruct"))
        .isEqualTo(
            new ModelSpec.OpenAi("http://10.0.0.2:8000/v1", "meta-llama/Llama-3.1-8B-Instruct"));
    assertThat(ModelSpec.parse("ollama:http://localhost:11434#llama3.1:8b"))
        .isEqualTo(new ModelSpec.Ollama("http://localhost:11434", "llama3.1:8b"));
    assertThat(ModelSpec.parse("openai:https://h/v1#m").text()).isEqualTo("openai:https://h/v1#m");
  }

  /** Issue 16 item 6: a URL with credentials is refused without repeating the password. */
  @Test
  void aUrlWithCredentialsIsRefusedWithoutEchoingThem() {
    for (String text :
        List.of(
            "openai:http://alice:s3cret-pw@h/v1#m",
            "ollama:https://alice:s3cret-pw@h:11434#m",
            "openai:http://alice:s3cret-pw@h/v1#bad name",
            "vllm:http://alice:s3cret-pw@h/v1#m",
            "openai:alice:s3cret-pw@h#m")) {
      assertThatThrownBy(() -> ModelSpec.parse(text))
          .as(text)
          .isInstanceOf(IllegalArgumentException.class)
          .message()
          .doesNotContain("s3cret-pw")
          .doesNotContain("alice")
          .doesNotContain("\n");
    }
    assertThatThrownBy(() -> ModelSpec.parse("openai:http://alice:s3cret-pw@h/v1#m"))
        .hasMessage(
            "model: 'openai:http://***@h/v1#m': URL 'http://***@h/v1' (expected:"
                + " http(s)://HOST[:PORT][/PATH], no credentials)");
  }

  @Test
  void refusesWhatItCannotUseWithTheReason() {
    assertThatThrownBy(() -> ModelSpec.parse("gpt-4o"))
        .hasMessage("model: 'gpt-4o' (expected: sim, openai:URL#MODEL or ollama:URL#MODEL)");
    assertThatThrownBy(() -> ModelSpec.parse("vllm:http://h#m"))
        .hasMessageContaining("kind 'vllm'");
    assertThatThrownBy(() -> ModelSpec.parse("openai:http://user:pw@h/v1#m"))
        .hasMessageContaining("(expected: http(s)://HOST[:PORT][/PATH], no credentials)");
    assertThatThrownBy(() -> ModelSpec.parse("openai:http://h/v1#"))
        .hasMessageContaining("model name ''");
    assertThatThrownBy(
            () ->
                AgentModels.open(
                    List.of(new ModelSpec.Sim(), ModelSpec.parse("ollama:http://h:1#m")),
                    EndpointPolicy.DEFAULT,
                    Optional.empty()))
        .hasMessageContaining("sim given with other endpoints");
  }
}
