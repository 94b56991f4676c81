package io.aurelius.core.crypto;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Decryption of Fernet tokens (the Fernet specification, version {@code 0x80}), as Python's {@code
 * cryptography.fernet} writes them: {@code base64url(0x80 ‖ timestamp(8) ‖ iv(16) ‖ AES-128-CBC
 * ciphertext with PKCS#7 padding ‖ HMAC-SHA256(32))}. The 32-byte key is the HMAC key (first 16
 * bytes) followed by the AES key (last 16). The timestamp is not checked (no time-to-live), as
 * {@code Fernet.decrypt(token)} without {@code ttl} does not check it. Only decryption is offered:
 * nothing in the node writes Fernet tokens.
 */
public final class Fernet {
  public static final int KEY_LENGTH = 32;
  private static final int VERSION = 0x80;
  private static final int HEADER_LENGTH = 1 + 8 + 16;
  private static final int HMAC_LENGTH = 32;
  private static final int BLOCK = 16;

  private Fernet() {}

  /**
   * Checks the token's structure without a key: base64url text (surrounding white space is
   * ignored), version {@code 0x80}, and a whole number of AES blocks. A malformed token is an
   * {@link IllegalArgumentException} with a one-line reason.
   */
  public static void checkToken(byte[] token) {
    decode(token);
  }

  /**
   * Authenticates and decrypts; empty if the key is wrong or the token was altered. A malformed
   * token (see {@link #checkToken}) is an {@link IllegalArgumentException}.
   */
  public static Optional<byte[]> decrypt(byte[] key, byte[] token) {
    requireNonNull(key, "key");
    if (key.length != KEY_LENGTH) {
      throw new IllegalArgumentException(
          "Fernet key: " + key.length + " bytes (expected: " + KEY_LENGTH + ")");
    }
    byte[] raw = decode(token);
    int signed = raw.length - HMAC_LENGTH;
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, 0, 16, "HmacSHA256"));
      mac.update(raw, 0, signed);
      byte[] expected = mac.doFinal();
      if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(raw, signed, raw.length))) {
        return Optional.empty();
      }
      Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
      cipher.init(
          Cipher.DECRYPT_MODE,
          new SecretKeySpec(key, 16, 16, "AES"),
          new IvParameterSpec(raw, 9, 16));
      return Optional.of(cipher.doFinal(raw, HEADER_LENGTH, signed - HEADER_LENGTH));
    } catch (BadPaddingException e) {
      return Optional.empty();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Fernet decryption failed: " + e.getMessage(), e);
    }
  }

  private static byte[] decode(byte[] token) {
    requireNonNull(token, "token");
    String text = new String(token, StandardCharsets.US_ASCII).strip();
    byte[] raw;
    try {
      raw = Base64.getUrlDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Fernet token: not base64url (" + e.getMessage() + ")");
    }
    if (raw.length < HEADER_LENGTH + BLOCK + HMAC_LENGTH) {
      throw new IllegalArgumentException(
          "Fernet token: "
              + raw.length
              + " bytes (expected: at least "
              + (HEADER_LENGTH + BLOCK + HMAC_LENGTH)
              + ")");
    }
    if ((raw[0] & 0xff) != VERSION) {
      throw new IllegalArgumentException(
          "Fernet token: version 0x"
              + Integer.toHexString(raw[0] & 0xff)
              + " (expected: 0x"
              + Integer.toHexString(VERSION)
              + ")");
    }
    if ((raw.length - HEADER_LENGTH - HMAC_LENGTH) % BLOCK != 0) {
      throw new IllegalArgumentException(
          "Fernet token: ciphertext of "
              + (raw.length - HEADER_LENGTH - HMAC_LENGTH)
              + " bytes (expected: a multiple of "
              + BLOCK
              + ")");
    }
    return raw;
  }
}
