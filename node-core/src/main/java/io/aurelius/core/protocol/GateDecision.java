package io.aurelius.core.protocol;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** The outcome of the header-time checks of one request. */
public sealed interface GateDecision {
  /** Passed every header check; the body may be read and the request queued. */
  record Admitted(RequestEnvelope envelope, long stake) implements GateDecision {
    public Admitted {
      requireNonNull(envelope, "envelope");
    }

    public ResponseBinding binding() {
      return new ResponseBinding(envelope.sender(), envelope.nonce(), envelope.uuid());
    }
  }

  /**
   * Refused; {@code binding} is present when the request named its sender, nonce and uuid, so that
   * the refusal can be signed for it.
   */
  record Refused(Refusal refusal, Optional<ResponseBinding> binding) implements GateDecision {
    public Refused {
      requireNonNull(refusal, "refusal");
      requireNonNull(binding, "binding");
    }
  }
}
