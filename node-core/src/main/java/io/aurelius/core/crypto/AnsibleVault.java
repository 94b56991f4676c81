package io.aurelius.core.crypto;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Decryption of Ansible Vault files, format 1.1 and 1.2 with cipher {@code AES256}, as Ansible's
 * {@code VaultAES256} writes them: a header line {@code $ANSIBLE_VAULT;1.1;AES256} (1.2 adds a
 * vault-id label), then hex lines that decode to {@code hex(salt) \n hex(hmac) \n hex(ciphertext)}.
 * PBKDF2-HMAC-SHA256 of the password over the 32-byte salt, 10,000 rounds, gives 80 bytes: the
 * AES-256 key, the HMAC-SHA256 key and the 16-byte initial CTR counter. The HMAC covers the
 * ciphertext; the plaintext was PKCS#7-padded to 16 bytes before AES-CTR. Only decryption is
 * offered.
 */
public final class AnsibleVault {
  static final int ROUNDS = 10_000;
  private static final String MAGIC = "$ANSIBLE_VAULT";
  private static final int SALT_LENGTH = 32;
  private static final int HMAC_LENGTH = 32;
  private static final int BLOCK = 16;
  private static final HexFormat HEX = HexFormat.of();

  private AnsibleVault() {}

  /** The parts of a vault file. */
  private record Parts(byte[] salt, byte[] hmac, byte[] ciphertext) {}

  /**
   * Checks the file's structure without a password; a malformed file is an {@link
   * IllegalArgumentException} with a one-line reason.
   */
  public static void checkFormat(byte[] file) {
    parse(file);
  }

  /**
   * Authenticates and decrypts; empty if the password is wrong or the file was altered. A malformed
   * file (see {@link #checkFormat}) is an {@link IllegalArgumentException}.
   */
  public static Optional<byte[]> decrypt(byte[] password, byte[] file) {
    requireNonNull(password, "password");
    Parts parts = parse(file);
    byte[] derived = Pbkdf2.hmacSha256(password, parts.salt(), ROUNDS, 32 + 32 + BLOCK);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(derived, 32, 32, "HmacSHA256"));
      if (!MessageDigest.isEqual(mac.doFinal(parts.ciphertext()), parts.hmac())) {
        return Optional.empty();
      }
      Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE,
          new SecretKeySpec(derived, 0, 32, "AES"),
          new IvParameterSpec(derived, 64, BLOCK));
      byte[] padded = cipher.doFinal(parts.ciphertext());
      int pad = padded.length == 0 ? 0 : padded[padded.length - 1] & 0xff;
      if (pad < 1 || pad > BLOCK || pad > padded.length) {
        return Optional.empty();
      }
      for (int i = padded.length - pad; i < padded.length; i++) {
        if ((padded[i] & 0xff) != pad) {
          return Optional.empty();
        }
      }
      byte[] plaintext = Arrays.copyOf(padded, padded.length - pad);
      Arrays.fill(padded, (byte) 0);
      return Optional.of(plaintext);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ansible Vault decryption failed: " + e.getMessage(), e);
    } finally {
      Arrays.fill(derived, (byte) 0);
    }
  }

  private static Parts parse(byte[] file) {
    requireNonNull(file, "file");
    String text = new String(file, StandardCharsets.US_ASCII);
    int newline = text.indexOf('\n');
    String header = (newline < 0 ? text : text.substring(0, newline)).strip();
    String[] fields = header.split(";", -1);
    if (fields.length < 3 || !fields[0].equals(MAGIC)) {
      throw new IllegalArgumentException(
          "Ansible Vault: header '"
              + abbreviate(header)
              + "' (expected: $ANSIBLE_VAULT;1.1;AES256 or ;1.2;AES256;LABEL)");
    }
    if (!fields[1].equals("1.1") && !fields[1].equals("1.2")) {
      throw new IllegalArgumentException(
          "Ansible Vault: version " + abbreviate(fields[1]) + " (expected: 1.1 or 1.2)");
    }
    if (!fields[2].strip().equals("AES256")) {
      throw new IllegalArgumentException(
          "Ansible Vault: cipher " + abbreviate(fields[2]) + " (expected: AES256)");
    }
    String body = newline < 0 ? "" : text.substring(newline + 1).replaceAll("\\s", "");
    String[] parts;
    try {
      parts = new String(HEX.parseHex(body), StandardCharsets.US_ASCII).split("\n", -1);
      if (parts.length != 3) {
        throw new IllegalArgumentException(
            "Ansible Vault: " + parts.length + " parts (expected: salt, HMAC and ciphertext)");
      }
      byte[] salt = HEX.parseHex(parts[0]);
      byte[] hmac = HEX.parseHex(parts[1]);
      byte[] ciphertext = HEX.parseHex(parts[2]);
      if (salt.length != SALT_LENGTH || hmac.length != HMAC_LENGTH) {
        throw new IllegalArgumentException(
            "Ansible Vault: salt of "
                + salt.length
                + " and HMAC of "
                + hmac.length
                + " bytes (expected: 32 and 32)");
      }
      if (ciphertext.length == 0 || ciphertext.length % BLOCK != 0) {
        throw new IllegalArgumentException(
            "Ansible Vault: ciphertext of "
                + ciphertext.length
                + " bytes (expected: a positive multiple of 16)");
      }
      return new Parts(salt, hmac, ciphertext);
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("Ansible Vault:")) {
        throw e;
      }
      throw new IllegalArgumentException("Ansible Vault: body is not hex (" + e.getMessage() + ")");
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
