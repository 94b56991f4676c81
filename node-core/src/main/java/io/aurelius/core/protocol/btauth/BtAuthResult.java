package io.aurelius.core.protocol.btauth;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.protocol.ProtocolStatus;

/** What {@link BtAuthVerifier} says of a request: accepted, or refused with a reason. */
public sealed interface BtAuthResult {

  /** The request is authentic, addressed here, fresh and new: {@code sender} signed it. */
  record Accepted(String sender, KeyScheme scheme, long nonce) implements BtAuthResult {
    public Accepted {
      requireNonNull(sender, "sender");
      requireNonNull(scheme, "scheme");
    }
  }

  /** The request is refused; {@code message} is one line, safe to return to the caller. */
  record Refused(BtAuthReason reason, String message) implements BtAuthResult {
    public Refused {
      requireNonNull(reason, "reason");
      requireNonNull(message, "message");
    }

    public ProtocolStatus status() {
      return reason.status();
    }

    @Override
    public String toString() {
      return reason.wireName() + ": " + message;
    }
  }
}
