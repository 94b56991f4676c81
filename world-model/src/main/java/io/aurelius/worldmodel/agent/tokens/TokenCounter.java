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
 * cl100k_base for everything else (a fair approximation for open models, whose own tokenizers are
 * not available offline). Chat framing adds {@value #TOKENS_PER_MESSAGE} tokens per message and
 * {@value #REPLY_PRIMING} for the reply, as OpenAI documents for its chat format.
 */
public final class TokenCounter {
  static final int TOKENS_PER_MESSAGE = 3;
  static final int REPLY_PRIMING = 3;
  private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();

  /** Each encoding is loaded on first use. */
  private static final class Cl100k {
    static final TokenCounter COUNTER =
        new TokenCounter(REGISTRY.getEncoding(EncodingType.CL100K_BASE));
  }

  private static final class O200k {
    static final TokenCounter COUNTER =
        new TokenCounter(REGISTRY.getEncoding(EncodingType.O200K_BASE));
  }

  private static final int CACHE_LIMIT = 4096;
  private final Encoding encoding;

  /** Counts of long texts seen before: a system message recurs on every turn of its agent. */
  private final java.util.Map<String, Integer> cache =
      new java.util.concurrent.ConcurrentHashMap<>();

  private TokenCounter(Encoding encoding) {
    this.encoding = encoding;
  }

  /** The counter for a model name as a server reports it. */
  public static TokenCounter forModel(String modelName) {
    requireNonNull(modelName, "modelName");
    String m = modelName.toLowerCase(Locale.ROOT);
    boolean o200k =
        m.contains("gpt-4o")
            || m.contains("gpt-4.1")
            || m.contains("gpt-5")
            || m.startsWith("o1")
            || m.startsWith("o3")
            || m.startsWith("o4")
            || m.contains("gpt-oss");
    return o200k ? O200k.COUNTER : Cl100k.COUNTER;
  }

  public String encodingName() {
    return encoding.getName();
  }

  public int count(String text) {
    requireNonNull(text, "text");
    if (text.length() < 256) {
      return encoding.countTokensOrdinary(text);
    }
    Integer known = cache.get(text);
    if (known != null) {
      return known;
    }
    int n = encoding.countTokensOrdinary(text);
    if (cache.size() >= CACHE_LIMIT) {
      cache.clear();
    }
    cache.put(text, n);
    return n;
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
