package io.aurelius.core.protocol;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.identity.KeyId;
import io.aurelius.core.protocol.btauth.BtAuthVerifier;

/** The outcome of the header-time checks of one request. */
public sealed interface GateDecision {
  /**
   * Passed every header check; the body may be read and the request queued at {@code stake}'s
   * priority. The signature is still to be checked ({@link RequestGate#authenticate}).
   */
  record Admitted(KeyId sender, BtAuthVerifier.HeadCheck.Pending head, long stake)
      implements GateDecision {
    public Admitted {
      requireNonNull(sender, "sender");
      requireNonNull(head, "head");
    }
  }

  /** Refused; the answer is unsigned, as nobody has been authenticated yet. */
  record Refused(Refusal refusal) implements GateDecision {
    public Refused {
      requireNonNull(refusal, "refusal");
    }
  }
}
