package io.aurelius.worldmodel.agent.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.worldmodel.agent.PromptMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenCounterTest {
  @Test
  void countsWithTheModelsTokenizer() {
    TokenCounter cl100k = TokenCounter.forModel("llama-3.1-8b");
    TokenCounter o200k = TokenCounter.forModel("gpt-4o-mini");
    assertThat(cl100k.encodingName()).isEqualTo("cl100k_base");
    assertThat(o200k.encodingName()).isEqualTo("o200k_base");
    assertThat(cl100k.count("hello world")).isEqualTo(2);
    assertThat(cl100k.count("")).isZero();
    String longText = "The reef is the only living the three of us have. ".repeat(20);
    int once = cl100k.count(longText);
    assertThat(cl100k.count(longText)).isEqualTo(once).isBetween(200, 260);
    assertThat(
            cl100k.countPrompt(
                List.of(PromptMessage.system("hello world"), PromptMessage.user("hello world"))))
        .isEqualTo(3 + (3 + 2) + (3 + 2));
  }
}
