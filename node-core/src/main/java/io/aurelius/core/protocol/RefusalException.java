package io.aurelius.core.protocol;

import static java.util.Objects.requireNonNull;

/** Carries a {@link Refusal} out of a check; the transport turns it into a response. */
public final class RefusalException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Refusal refusal;

  public RefusalException(Refusal refusal) {
    super(
        requireNonNull(refusal, "refusal").status().code() + " " + refusal.message(),
        null,
        false,
        false);
    this.refusal = refusal;
  }

  public Refusal refusal() {
    return refusal;
  }
}
