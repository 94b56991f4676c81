package io.aurelius.core.identity.wallet;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * How a keyfile's bytes are stored, told by their first bytes as the Bittensor SDK tells it. Only
 * {@link #NACL} is written; the legacy formats are read only.
 */
public enum KeyfileEncryption {
  /** Plain JSON (hotkeys and the public files, usually). */
  NONE("plain JSON", ""),
  /**
   * {@code $NACL ‖ nonce(24) ‖ secretbox(16-byte tag ‖ ciphertext)}: XSalsa20-Poly1305 under a key
   * from Argon2i v1.3 with libsodium's sensitive limits and a fixed salt. Read and written.
   */
  NACL("$NACL", "$NACL"),
  /** Ansible Vault 1.1 (AES-256-CTR, HMAC-SHA256, PBKDF2 10,000 rounds): legacy, read only. */
  ANSIBLE_VAULT("$ANSIBLE_VAULT", "$ANSIBLE_VAULT"),
  /**
   * A Fernet token ({@code gAAAAA…}) under a key from PBKDF2-HMAC-SHA256 with 10,000,000 rounds and
   * a fixed salt: the SDK's oldest format. Read only.
   */
  LEGACY_FERNET("legacy Fernet", "gAAAAA");

  private final String label;
  private final byte[] prefix;

  KeyfileEncryption(String label, String prefix) {
    this.label = label;
    this.prefix = prefix.getBytes(StandardCharsets.US_ASCII);
  }

  /** A short name for messages, e.g. {@code $NACL}. */
  public String label() {
    return label;
  }

  public boolean isEncrypted() {
    return this != NONE;
  }

  /**
   * The format of a keyfile's bytes: the encrypted formats by their prefix, anything else {@link
   * #NONE} (whether it is JSON is for the parser to say).
   */
  public static KeyfileEncryption detect(byte[] file) {
    requireNonNull(file, "file");
    for (KeyfileEncryption encryption : values()) {
      if (encryption != NONE && startsWith(file, encryption.prefix)) {
        return encryption;
      }
    }
    return NONE;
  }

  private static boolean startsWith(byte[] file, byte[] prefix) {
    return file.length >= prefix.length
        && Arrays.equals(file, 0, prefix.length, prefix, 0, prefix.length);
  }
}
