package io.aurelius.core.protocol.btauth;

import static java.util.Objects.requireNonNull;

/** Thrown by {@link BtAuthHeaders#parse} with the refusal the request gets. */
public final class BtAuthException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient BtAuthResult.Refused refusal;

  BtAuthException(BtAuthReason reason, String message) {
    super(reason.wireName() + ": " + message, null, false, false);
    this.refusal = new BtAuthResult.Refused(reason, requireNonNull(message, "message"));
  }

  public BtAuthResult.Refused refusal() {
    return refusal;
  }
}
