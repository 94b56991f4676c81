package io.aurelius.worldmodel.agent;

import static java.util.Objects.requireNonNull;

/**
 * Tokens a turn consumed, summed over every completed call (a repair attempt included). {@code
 * source} says whether the server reported them or they were counted locally with a tokenizer
 * because the server did not.
 */
public record TokenUsage(long input, long output, Source source) {
  public static final TokenUsage NONE = new TokenUsage(0, 0, Source.REPORTED);

  public TokenUsage {
    requireNonNull(source, "source");
    if (input < 0 || output < 0) {
      throw new IllegalArgumentException("tokens: " + input + "/" + output + " (expected: >= 0)");
    }
  }

  public long total() {
    return input + output;
  }

  public TokenUsage plus(TokenUsage other) {
    Source merged =
        source == Source.COUNTED || other.source == Source.COUNTED
            ? Source.COUNTED
            : Source.REPORTED;
    return new TokenUsage(input + other.input, output + other.output, merged);
  }

  /** Where the figures come from. */
  public enum Source {
    /** The model server's {@code usage}. */
    REPORTED,
    /** Counted here with a tokenizer because the server omitted usage. */
    COUNTED
  }
}
