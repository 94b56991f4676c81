package io.aurelius.validator.epoch;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.crypto.Ed25519KeyPair;
import java.nio.charset.StandardCharsets;

/**
 * The secrets the judges choose canaries with: the hotkey's signature over a label (the epoch,
 * or the first aene of a peer's batch). Replays of an epoch agree; miners cannot predict them.
 */
public final class CanarySecrets {
  private final Ed25519KeyPair key;

  public CanarySecrets(Ed25519KeyPair key) {
    this.key = requireNonNull(key, "key");
  }

  byte[] forEpoch(long epoch) {
    return of("epoch-" + epoch);
  }

  /** For re-judging a peer's batch whose first aene is {@code firstAeneId}. */
  public byte[] forRejudging(String firstAeneId) {
    return of("rejudge-" + firstAeneId);
  }

  private byte[] of(String label) {
    return key.sign(("aurelius/validator/canaries/v1:" + label).getBytes(StandardCharsets.UTF_8));
  }
}
