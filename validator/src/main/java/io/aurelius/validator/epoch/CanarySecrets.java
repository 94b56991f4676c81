package io.aurelius.validator.epoch;

import static java.util.Objects.requireNonNull;

import io.aurelius.validator.store.ValidatorStore;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secrets the judges choose canaries with: HMAC-SHA256 of a label (the epoch, or the first aene
 * of a peer's batch) under a random key this validator keeps in its state store. Replays of an
 * epoch agree, even after a restart; miners cannot predict them. The key is not derived from a
 * signature, so it does not depend on the hotkey's scheme signing deterministically.
 */
public final class CanarySecrets {
  static final String STATE = "canary-key";
  private static final int KEY_BYTES = 32;

  private final byte[] key;

  private CanarySecrets(byte[] key) {
    this.key = key;
  }

  /** The validator's canary key from {@code store}, created (and stored) on first use. */
  public static CanarySecrets of(ValidatorStore store) {
    requireNonNull(store, "store");
    return new CanarySecrets(
        store.atomically(
            tx ->
                tx.state(STATE)
                    .filter(b -> b.length == KEY_BYTES)
                    .orElseGet(
                        () -> {
                          byte[] fresh = new byte[KEY_BYTES];
                          new SecureRandom().nextBytes(fresh);
                          tx.putState(STATE, fresh);
                          return fresh;
                        })));
  }

  byte[] forEpoch(long epoch) {
    return of("epoch-" + epoch);
  }

  /** For re-judging a peer's batch whose first aene is {@code firstAeneId}. */
  public byte[] forRejudging(String firstAeneId) {
    return of("rejudge-" + firstAeneId);
  }

  private byte[] of(String label) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(
          ("aurelius/validator/canaries/v2:" + label).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this Java runtime", e);
    }
  }
}
