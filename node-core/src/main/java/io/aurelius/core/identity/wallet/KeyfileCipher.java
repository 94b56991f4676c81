package io.aurelius.core.identity.wallet;

import io.aurelius.core.crypto.AnsibleVault;
import io.aurelius.core.crypto.Argon2i;
import io.aurelius.core.crypto.Fernet;
import io.aurelius.core.crypto.Pbkdf2;
import io.aurelius.core.crypto.XSalsa20Poly1305;
import io.aurelius.core.identity.KeyStoreException;
import io.aurelius.core.identity.KeyStoreException.Reason;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The encryption of keyfiles, with the SDK's costs in {@link #STANDARD}. The costs are parameters
 * only so that tests can run the same code cheaply; a keyfile does not record them, so a file
 * written with other costs is readable only with those costs.
 *
 * <p>The passphrase is encoded as UTF-8 without normalisation, as the SDK encodes it ({@code
 * password.as_bytes()} in Rust, {@code password.encode()} in Python); the encoded copy is wiped
 * after the key is derived, and the caller's {@code char[]} is left as it is.
 */
final class KeyfileCipher {
  static final byte[] NACL_MAGIC = "$NACL".getBytes(StandardCharsets.US_ASCII);

  /**
   * bittensor-wallet's {@code NACL_SALT}, {@code
   * b"\x13q\x83\xdf\xf1Z\t\xbc\x9c\x90\xb5Q\x879\xe9\xb1"}.
   */
  static final byte[] NACL_SALT = HexFormat.of().parseHex("137183dff15a09bc9c90b5518739e9b1");

  /** The SDK's legacy Fernet salt. */
  static final byte[] LEGACY_SALT =
      "Iguesscyborgslikemyselfhaveatendencytobeparanoidaboutourorigins"
          .getBytes(StandardCharsets.US_ASCII);

  static final int LEGACY_ROUNDS = 10_000_000;
  static final int NACL_MIN_LENGTH =
      NACL_MAGIC.length + XSalsa20Poly1305.NONCE_LENGTH + XSalsa20Poly1305.MAC_LENGTH;

  static final KeyfileCipher STANDARD =
      new KeyfileCipher(
          Argon2i.OPSLIMIT_SENSITIVE,
          Argon2i.MEMLIMIT_SENSITIVE,
          LEGACY_ROUNDS,
          new SecureRandom());

  private final int opsLimit;
  private final long memLimit;
  private final int legacyRounds;
  private final SecureRandom random;

  KeyfileCipher(int opsLimit, long memLimit, int legacyRounds, SecureRandom random) {
    this.opsLimit = opsLimit;
    this.memLimit = memLimit;
    this.legacyRounds = legacyRounds;
    this.random = random;
  }

  /** {@code $NACL ‖ nonce ‖ secretbox(plaintext)} under a fresh random nonce. */
  byte[] sealNacl(byte[] plaintext, char[] passphrase) {
    byte[] nonce = new byte[XSalsa20Poly1305.NONCE_LENGTH];
    random.nextBytes(nonce);
    byte[] key = naclKey(passphrase);
    byte[] box;
    try {
      box = XSalsa20Poly1305.seal(key, nonce, plaintext);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
    ByteBuffer out = ByteBuffer.allocate(NACL_MAGIC.length + nonce.length + box.length);
    return out.put(NACL_MAGIC).put(nonce).put(box).array();
  }

  /** The plaintext of a {@link KeyfileEncryption#NACL} keyfile; {@code where} names the file. */
  byte[] openNacl(byte[] file, char[] passphrase, String where) {
    if (file.length < NACL_MIN_LENGTH) {
      throw new KeyStoreException(
          Reason.CORRUPTED,
          where
              + ": $NACL keyfile of "
              + file.length
              + " bytes is truncated (expected: at least "
              + NACL_MIN_LENGTH
              + ": $NACL, a 24-byte nonce and a 16-byte tag)");
    }
    int nonceEnd = NACL_MAGIC.length + XSalsa20Poly1305.NONCE_LENGTH;
    byte[] nonce = Arrays.copyOfRange(file, NACL_MAGIC.length, nonceEnd);
    byte[] box = Arrays.copyOfRange(file, nonceEnd, file.length);
    byte[] key = naclKey(passphrase);
    Optional<byte[]> plaintext;
    try {
      plaintext = XSalsa20Poly1305.open(key, nonce, box);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
    return plaintext.orElseThrow(
        () ->
            new KeyStoreException(
                Reason.WRONG_PASSPHRASE,
                where
                    + ": wrong passphrase, or the $NACL keyfile is truncated or altered"
                    + " (the secretbox did not open)"));
  }

  /** The plaintext of a {@link KeyfileEncryption#LEGACY_FERNET} keyfile. */
  byte[] openLegacyFernet(byte[] file, char[] passphrase, String where) {
    try {
      Fernet.checkToken(file);
    } catch (IllegalArgumentException e) {
      throw new KeyStoreException(Reason.CORRUPTED, where + ": " + e.getMessage());
    }
    byte[] password = utf8(passphrase);
    byte[] key;
    try {
      key = Pbkdf2.hmacSha256(password, LEGACY_SALT, legacyRounds, Fernet.KEY_LENGTH);
    } finally {
      Arrays.fill(password, (byte) 0);
    }
    try {
      return Fernet.decrypt(key, file)
          .orElseThrow(
              () ->
                  new KeyStoreException(
                      Reason.WRONG_PASSPHRASE,
                      where
                          + ": wrong passphrase, or the legacy Fernet keyfile was altered"
                          + " (its HMAC does not match)"));
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /** The plaintext of a {@link KeyfileEncryption#ANSIBLE_VAULT} keyfile. */
  byte[] openAnsibleVault(byte[] file, char[] passphrase, String where) {
    try {
      AnsibleVault.checkFormat(file);
    } catch (IllegalArgumentException e) {
      throw new KeyStoreException(Reason.CORRUPTED, where + ": " + e.getMessage());
    }
    byte[] password = utf8(passphrase);
    try {
      return AnsibleVault.decrypt(password, file)
          .orElseThrow(
              () ->
                  new KeyStoreException(
                      Reason.WRONG_PASSPHRASE,
                      where
                          + ": wrong passphrase, or the Ansible Vault keyfile was altered"
                          + " (its HMAC does not match)"));
    } finally {
      Arrays.fill(password, (byte) 0);
    }
  }

  private byte[] naclKey(char[] passphrase) {
    byte[] password = utf8(passphrase);
    try {
      return Argon2i.derive(password, NACL_SALT, opsLimit, memLimit, XSalsa20Poly1305.KEY_LENGTH);
    } finally {
      Arrays.fill(password, (byte) 0);
    }
  }

  /** UTF-8 of the passphrase, leaving no other copy behind. */
  static byte[] utf8(char[] passphrase) {
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(passphrase));
    byte[] out = Arrays.copyOfRange(encoded.array(), encoded.position(), encoded.limit());
    Arrays.fill(encoded.array(), (byte) 0);
    return out;
  }
}
