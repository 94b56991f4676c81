package io.aurelius.core.crypto;

import static java.util.Objects.requireNonNull;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/** PBKDF2 (RFC 8018) with HMAC-SHA256, over raw password bytes. Via BouncyCastle. */
public final class Pbkdf2 {
  private Pbkdf2() {}

  /** Derives {@code length} bytes (1..1024) with {@code iterations} rounds (at least 1). */
  public static byte[] hmacSha256(byte[] password, byte[] salt, int iterations, int length) {
    requireNonNull(password, "password");
    requireNonNull(salt, "salt");
    if (iterations < 1) {
      throw new IllegalArgumentException(
          "PBKDF2 iterations: " + iterations + " (expected: at least 1)");
    }
    if (length < 1 || length > 1024) {
      throw new IllegalArgumentException("PBKDF2 output: " + length + " bytes (expected: 1..1024)");
    }
    PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SHA256Digest());
    generator.init(password, salt, iterations);
    return ((KeyParameter) generator.generateDerivedParameters(length * 8)).getKey();
  }
}
