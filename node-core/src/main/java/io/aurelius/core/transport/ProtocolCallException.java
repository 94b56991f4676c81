package io.aurelius.core.transport;

import static java.util.Objects.requireNonNull;

/** A call that did not produce a verified answer; {@link #reply()} says what it produced. */
public final class ProtocolCallException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Reply reply;

  public ProtocolCallException(Reply reply) {
    super(describe(requireNonNull(reply, "reply")));
    this.reply = reply;
  }

  public Reply reply() {
    return reply;
  }

  private static String describe(Reply reply) {
    if (reply instanceof Reply.Refused r) {
      return "refused " + r.status() + ": " + r.message();
    }
    if (reply instanceof Reply.Failed f) {
      return f.failure().name().toLowerCase(java.util.Locale.ROOT) + ": " + f.message();
    }
    return "ok (" + ((Reply.Ok) reply).status() + ")";
  }
}
