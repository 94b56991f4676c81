package io.aurelius.core.crypto;

import static java.util.Objects.requireNonNull;

import java.security.GeneralSecurityException;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The ChaCha20-Poly1305 AEAD (RFC 8439) from the JDK: a 32-byte key, a 12-byte nonce that must
 * never repeat under one key, and associated data that is authenticated but not encrypted. The
 * ciphertext is the encrypted bytes followed by the 16-byte tag.
 */
public final class ChaCha20Poly1305 {
  public static final int KEY_LENGTH = 32;
  public static final int NONCE_LENGTH = 12;
  public static final int TAG_LENGTH = 16;
  private static final String ALGORITHM = "ChaCha20-Poly1305";

  private ChaCha20Poly1305() {}

  public static byte[] seal(byte[] key, byte[] nonce, byte[] aad, byte[] plaintext) {
    requireNonNull(plaintext, "plaintext");
    try {
      return cipher(Cipher.ENCRYPT_MODE, key, nonce, aad).doFinal(plaintext);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("ChaCha20-Poly1305 encryption failed: " + e.getMessage(), e);
    }
  }

  /** Decrypts and authenticates; empty if the key, nonce, data or tag do not match. */
  public static Optional<byte[]> open(byte[] key, byte[] nonce, byte[] aad, byte[] ciphertext) {
    requireNonNull(ciphertext, "ciphertext");
    if (ciphertext.length < TAG_LENGTH) {
      return Optional.empty();
    }
    try {
      return Optional.of(cipher(Cipher.DECRYPT_MODE, key, nonce, aad).doFinal(ciphertext));
    } catch (AEADBadTagException e) {
      return Optional.empty();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("ChaCha20-Poly1305 decryption failed: " + e.getMessage(), e);
    }
  }

  private static Cipher cipher(int mode, byte[] key, byte[] nonce, byte[] aad)
      throws GeneralSecurityException {
    requireNonNull(key, "key");
    requireNonNull(nonce, "nonce");
    requireNonNull(aad, "aad");
    if (key.length != KEY_LENGTH) {
      throw new IllegalArgumentException(
          "ChaCha20-Poly1305 key: " + key.length + " bytes (expected: " + KEY_LENGTH + ")");
    }
    if (nonce.length != NONCE_LENGTH) {
      throw new IllegalArgumentException(
          "ChaCha20-Poly1305 nonce: " + nonce.length + " bytes (expected: " + NONCE_LENGTH + ")");
    }
    Cipher cipher = Cipher.getInstance(ALGORITHM);
    cipher.init(mode, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(nonce));
    cipher.updateAAD(aad);
    return cipher;
  }
}
