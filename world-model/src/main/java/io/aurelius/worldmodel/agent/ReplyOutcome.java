package io.aurelius.worldmodel.agent;

import static java.util.Objects.requireNonNull;

/** What became of one agent turn at the model. */
public sealed interface ReplyOutcome {
  /** The model answered within the schema (possibly after one repair attempt). */
  record Decided(Decision decision, boolean repaired) implements ReplyOutcome {
    public Decided {
      requireNonNull(decision, "decision");
    }
  }

  /** The model answered, but not within the schema, twice; the turn is an invalid action. */
  record Malformed(String reason) implements ReplyOutcome {
    public Malformed {
      requireNonNull(reason, "reason");
    }
  }

  /** No endpoint produced an answer (errors, rate limits, timeouts after retries and failover). */
  record Unavailable(String reason) implements ReplyOutcome {
    public Unavailable {
      requireNonNull(reason, "reason");
    }
  }
}
