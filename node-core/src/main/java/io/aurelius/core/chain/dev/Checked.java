package io.aurelius.core.chain.dev;

import io.aurelius.core.chain.Receipt;
import io.aurelius.core.chain.RejectReason;

/** A check's outcome: a value to apply, or the rejection. Nothing is mutated while checking. */
record Checked<T>(T value, Receipt.Rejected rejection) {
  static <T> Checked<T> ok(T value) {
    return new Checked<>(value, null);
  }

  static <T> Checked<T> fail(RejectReason reason, String message) {
    return new Checked<>(null, new Receipt.Rejected(reason, message));
  }

  static <T> Checked<T> fail(Receipt.Rejected rejection) {
    return new Checked<>(null, rejection);
  }

  boolean failed() {
    return rejection != null;
  }
}
