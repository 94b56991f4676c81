package io.aurelius.worldmodel.agent.tokens;

import static java.util.Objects.requireNonNull;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import io.aurelius.worldmodel.agent.PromptMessage;
import java.util.List;
import java.util.Locale;

/**
 * Counts tokens as OpenAI-style chat models do: o200k_base for the GPT-4o family and newer,
 * cl100k_base for everything else (a fair approximation for open models, whose own tokenizers
 * are not available offline). Chat framing adds {@value #TOKENS_PER_MESSAGE} tokens per
 * message and {@value #REPLY_PRIMING} for the reply, as OpenAI documents for its chat format.
 */
public final class TokenCounter {
  static final int TOKENS_PER_MESSAGE = 3;
  static final int REPLY_PRIMING = 3;
  private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();

  private final Encoding encoding;

  private TokenCounter(Encoding encoding) {
    this.encoding = encoding;
  }

  /** The counter for a model name as a server reports it. */
  public static TokenCounter forModel(String modelName) {
    requireNonNull(modelName, "modelName");
    String m = modelName.toLowerCase(Locale.ROOT);
    boolean o200k = m.contains("gpt-4o") || m.contains("gpt-4.1") || m.contains("gpt-5") || m.startsWith("o1")
        || m.startsWith("o3") || m.startsWith("o4") || m.contains("gpt-oss");
    return new TokenCounter(REGISTRY.getEncoding(o200k ? EncodingType.O200K_BASE : EncodingType.CL100K_BASE));
  }

  public String encodingName() {
    return encoding.getName();
  }

  public int count(String text) {
    return encoding.countTokensOrdinary(requireNonNull(text, "text"));
  }

  /** Prompt tokens of a chat request. */
  public int countPrompt(List<PromptMessage> messages) {
    int total = REPLY_PRIMING;
    for (PromptMessage m : messages) {
      total += TOKENS_PER_MESSAGE + count(m.text());
    }
    return total;
  }
}
