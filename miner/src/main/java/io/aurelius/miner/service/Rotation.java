package io.aurelius.miner.service;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.hash.Sha256;
import io.aurelius.core.identity.KeyId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Which configuration a validator gets in an epoch: position {@code (epoch + offset) mod n} of the
 * library in the order configurations were added, where the offset is derived from the validator's
 * hotkey. So one validator walks the whole library over {@code n} consecutive epochs, different
 * validators start at different places, and asking twice in one epoch gives the same answer.
 */
final class Rotation {
  private Rotation() {}

  static int start(long epoch, KeyId validator, int size) {
    requireNonNull(validator, "validator");
    if (size < 1) {
      throw new IllegalArgumentException("size: " + size + " (expected: at least 1)");
    }
    long offset =
        ByteBuffer.wrap(
                Sha256.digest(
                    ("aurelius/rotation/v1:" + validator.address())
                        .getBytes(StandardCharsets.UTF_8)))
            .getLong();
    return (int) Math.floorMod(Math.floorMod(epoch, size) + Math.floorMod(offset, size), size);
  }
}
