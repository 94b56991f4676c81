package io.aurelius.worldmodel.agent.schema;

import static java.util.Objects.requireNonNull;

import io.aurelius.worldmodel.agent.Decision;

/** A model's raw text read against a {@link ReplySchema}: a decision, or why it is not one. */
public sealed interface ParsedReply {
  /** The text is a legal reply. */
  record Legal(Decision decision) implements ParsedReply {
    public Legal {
      requireNonNull(decision, "decision");
    }
  }

  /** The text is not a legal reply; {@code reason} says what, where and what was expected. */
  record Illegal(String reason) implements ParsedReply {
    public Illegal {
      requireNonNull(reason, "reason");
    }
  }
}
