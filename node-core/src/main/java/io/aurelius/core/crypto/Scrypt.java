package io.aurelius.core.crypto;

import static java.util.Objects.requireNonNull;

import org.bouncycastle.crypto.generators.SCrypt;

/** The scrypt memory-hard key derivation function (RFC 7914), via BouncyCastle. */
public final class Scrypt {
  private Scrypt() {}

  /** Derives {@code length} bytes (1..1024) from a secret and a salt. */
  public static byte[] derive(byte[] secret, byte[] salt, ScryptParams params, int length) {
    requireNonNull(secret, "secret");
    requireNonNull(salt, "salt");
    requireNonNull(params, "params");
    if (length < 1 || length > 1024) {
      throw new IllegalArgumentException("scrypt output: " + length + " bytes (expected: 1..1024)");
    }
    return SCrypt.generate(secret, salt, params.n(), params.r(), params.p(), length);
  }
}
