package io.aurelius.core.crypto.sr25519;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * Substrate's hard derivation of Ed25519 seeds (polkadot-sdk {@code sp_core::ed25519}): the seed of
 * {@code //junction} is BLAKE2b-256 of the SCALE tuple {@code ("Ed25519HDKD", seed, chainCode)}.
 * Ed25519 has no soft derivation.
 */
public final class Ed25519Hdkd {
  public static final int SEED_LENGTH = 32;
  private static final byte[] DOMAIN = DeriveJunction.scaleString("Ed25519HDKD");

  private Ed25519Hdkd() {}

  /** The seed of hard junction {@code chainCode} below {@code seed}. */
  public static byte[] deriveHard(byte[] seed, byte[] chainCode) {
    requireNonNull(seed, "seed");
    if (seed.length != SEED_LENGTH) {
      throw new IllegalArgumentException(
          "ed25519 seed: " + seed.length + " bytes (expected: " + SEED_LENGTH + ")");
    }
    Sr25519.checkChainCode(chainCode);
    Blake2bDigest blake = new Blake2bDigest(256);
    blake.update(DOMAIN, 0, DOMAIN.length);
    blake.update(seed, 0, seed.length);
    blake.update(chainCode, 0, chainCode.length);
    byte[] out = new byte[SEED_LENGTH];
    blake.doFinal(out, 0);
    return out;
  }

  /** Follows {@code path}; a soft junction is an {@link IllegalArgumentException}. */
  public static byte[] derive(byte[] seed, List<DeriveJunction> path) {
    byte[] current = seed.clone();
    for (DeriveJunction j : path) {
      if (!j.hard()) {
        throw new IllegalArgumentException(
            "ed25519 derivation: soft junction " + j + " (expected: hard junctions only)");
      }
      byte[] next = deriveHard(current, j.chainCode());
      java.util.Arrays.fill(current, (byte) 0);
      current = next;
    }
    return current;
  }
}
