package io.aurelius.core.crypto;

import static java.util.Objects.requireNonNull;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2i version 1.3 (RFC 9106) as libsodium's {@code crypto_pwhash_argon2i} runs it: one lane, no
 * secret and no associated data, {@code opsLimit} passes over {@code memLimit} bytes of memory
 * (counted in 1 KiB blocks), a 16-byte salt. Via BouncyCastle.
 */
public final class Argon2i {
  /** libsodium {@code crypto_pwhash_argon2i_OPSLIMIT_INTERACTIVE}. */
  public static final int OPSLIMIT_INTERACTIVE = 4;

  /** libsodium {@code crypto_pwhash_argon2i_MEMLIMIT_INTERACTIVE}: 32 MiB. */
  public static final long MEMLIMIT_INTERACTIVE = 33_554_432L;

  /** libsodium {@code crypto_pwhash_argon2i_OPSLIMIT_SENSITIVE}. */
  public static final int OPSLIMIT_SENSITIVE = 8;

  /** libsodium {@code crypto_pwhash_argon2i_MEMLIMIT_SENSITIVE}: 512 MiB. */
  public static final long MEMLIMIT_SENSITIVE = 536_870_912L;

  /** libsodium's {@code crypto_pwhash_argon2i_SALTBYTES}. */
  public static final int SALT_LENGTH = 16;

  /** libsodium's {@code crypto_pwhash_argon2i_OPSLIMIT_MIN}: Argon2i needs 3 passes. */
  public static final int MIN_OPSLIMIT = 3;

  /** Bounds on what a caller may ask for: 8 KiB (libsodium's minimum) to 1 GiB. */
  public static final long MIN_MEMLIMIT = 8192L;

  public static final long MAX_MEMLIMIT = 1L << 30;
  public static final int MAX_OPSLIMIT = 64;

  private Argon2i() {}

  /**
   * Derives {@code length} bytes (16..1024) from a password and a 16-byte salt, equal to {@code
   * crypto_pwhash(out, length, password, salt, opsLimit, memLimit, crypto_pwhash_ALG_ARGON2I13)}.
   */
  public static byte[] derive(
      byte[] password, byte[] salt, int opsLimit, long memLimit, int length) {
    requireNonNull(password, "password");
    requireNonNull(salt, "salt");
    if (salt.length != SALT_LENGTH) {
      throw new IllegalArgumentException(
          "Argon2i salt: " + salt.length + " bytes (expected: " + SALT_LENGTH + ")");
    }
    if (opsLimit < MIN_OPSLIMIT || opsLimit > MAX_OPSLIMIT) {
      throw new IllegalArgumentException(
          "Argon2i opslimit: "
              + opsLimit
              + " (expected: "
              + MIN_OPSLIMIT
              + ".."
              + MAX_OPSLIMIT
              + ")");
    }
    if (memLimit < MIN_MEMLIMIT || memLimit > MAX_MEMLIMIT) {
      throw new IllegalArgumentException(
          "Argon2i memlimit: "
              + memLimit
              + " bytes (expected: "
              + MIN_MEMLIMIT
              + ".."
              + MAX_MEMLIMIT
              + ")");
    }
    if (length < 16 || length > 1024) {
      throw new IllegalArgumentException(
          "Argon2i output: " + length + " bytes (expected: 16..1024)");
    }
    Argon2Parameters parameters =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_i)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withIterations(opsLimit)
            // libsodium: memlimit / 1024 KiB blocks, rounded down
            .withMemoryAsKB((int) (memLimit / 1024))
            .withParallelism(1)
            .withSalt(salt)
            .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(parameters);
    byte[] out = new byte[length];
    generator.generateBytes(password, out);
    return out;
  }
}
