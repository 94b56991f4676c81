package io.aurelius.core.identity.wallet;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.identity.KeyStoreException;
import io.aurelius.core.identity.KeyStoreException.Reason;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * One Bittensor keyfile: a JSON object, stored as it is or encrypted (see {@link
 * KeyfileEncryption}). The JSON fields, each optional and possibly {@code null}:
 *
 * <pre>
 * accountId     0x + 32-byte public key (equal to publicKey)
 * publicKey     0x + 32-byte public key
 * privateKey    0x + 64-byte sr25519 secret key (key ‖ nonce), or the 32-byte ed25519 seed
 * secretPhrase  the BIP-39 mnemonic
 * secretSeed    0x + 32-byte mini secret (sr25519) or seed (ed25519)
 * ss58Address   the SS58 address (prefix 42) of the public key
 * cryptoType    0 ed25519, 1 sr25519 (bittensor-wallet 4.1+; absent means sr25519)
 * </pre>
 *
 * Reading is strict: an unknown field, a value of the wrong type or length, or fields that disagree
 * (an {@code ss58Address} that is not the public key's) are a {@link KeyStoreException} ({@link
 * Reason#CORRUPTED}) whose one-line message names the file and the field, e.g. {@code
 * wallets/w/coldkey: publicKey: 31 bytes (expected: 32)}. At least one of {@code publicKey}, {@code
 * accountId} and {@code ss58Address} must be present. Hex is read with or without {@code 0x}, in
 * either case; it is written with {@code 0x}, lower case.
 *
 * <p>Writing gives compact JSON with the fields the data has, never {@code null}, then {@code
 * $NACL} encryption when a passphrase is given. The secrets pass through Jackson strings while
 * being read and written, which cannot be wiped; the byte buffers around them are.
 */
public final class Keyfile {
  static final int MAX_FILE_BYTES = 64 * 1024;

  private Keyfile() {}

  /**
   * Reads and checks a plain keyfile; an encrypted one is {@link Reason#WRONG_PASSPHRASE}
   * (expected: a passphrase).
   */
  public static KeyfileData read(Path file) {
    return read(requireNonNull(file, "file"), null, KeyfileCipher.STANDARD);
  }

  /**
   * Reads, decrypts if needed and checks a keyfile. The passphrase is not modified; the caller
   * wipes it.
   */
  public static KeyfileData read(Path file, char[] passphrase) {
    requireNonNull(file, "file");
    return read(file, requireNonNull(passphrase, "passphrase"), KeyfileCipher.STANDARD);
  }

  /** {@code passphrase} is null for a plain file. */
  static KeyfileData read(Path file, char[] passphrase, KeyfileCipher cipher) {
    byte[] bytes = WalletFiles.read(file);
    try {
      return decode(bytes, file.toString(), passphrase, cipher);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /**
   * Writes a plain keyfile atomically with mode 0600; an existing file is replaced only if {@code
   * overwrite}.
   */
  public static void write(Path file, KeyfileData data, boolean overwrite) {
    write(requireNonNull(file, "file"), data, null, overwrite, KeyfileCipher.STANDARD);
  }

  /**
   * Writes a keyfile encrypted with {@code $NACL}, atomically with mode 0600; an existing file is
   * replaced only if {@code overwrite}.
   */
  public static void write(Path file, KeyfileData data, char[] passphrase, boolean overwrite) {
    requireNonNull(file, "file");
    requireNonNull(passphrase, "passphrase");
    write(file, data, passphrase, overwrite, KeyfileCipher.STANDARD);
  }

  /** {@code passphrase} is null for a plain file. */
  static void write(
      Path file, KeyfileData data, char[] passphrase, boolean overwrite, KeyfileCipher cipher) {
    byte[] bytes = encode(data, passphrase, cipher);
    try {
      WalletFiles.write(file, bytes, overwrite);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /** How the file's bytes are stored. */
  public static KeyfileEncryption encryption(byte[] file) {
    return KeyfileEncryption.detect(file);
  }

  /**
   * Parses a plain keyfile's bytes; {@code where} names it in messages. An encrypted file is {@link
   * Reason#WRONG_PASSPHRASE} (expected: a passphrase).
   */
  public static KeyfileData decode(byte[] file, String where) {
    return decode(file, where, null, KeyfileCipher.STANDARD);
  }

  /**
   * Decrypts if needed and parses a keyfile's bytes; {@code where} names it in messages. A wrong
   * passphrase, or a ciphertext altered or cut short, is {@link Reason#WRONG_PASSPHRASE}.
   */
  public static KeyfileData decode(byte[] file, String where, char[] passphrase) {
    return decode(file, where, requireNonNull(passphrase, "passphrase"), KeyfileCipher.STANDARD);
  }

  /** {@code passphrase} is null for a plain file. */
  static KeyfileData decode(byte[] file, String where, char[] passphrase, KeyfileCipher cipher) {
    requireNonNull(file, "file");
    requireNonNull(where, "where");
    KeyfileEncryption encryption = KeyfileEncryption.detect(file);
    if (encryption == KeyfileEncryption.NONE) {
      return parseJson(file, where);
    }
    if (passphrase == null) {
      throw new KeyStoreException(
          Reason.WRONG_PASSPHRASE,
          where + ": encrypted (" + encryption.label() + ") (expected: a passphrase)");
    }
    byte[] plaintext =
        switch (encryption) {
          case NACL -> cipher.openNacl(file, passphrase, where);
          case LEGACY_FERNET -> cipher.openLegacyFernet(file, passphrase, where);
          case ANSIBLE_VAULT -> cipher.openAnsibleVault(file, passphrase, where);
          case NONE -> throw new IllegalStateException("plain keyfile");
        };
    try {
      return parseJson(plaintext, where);
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
  }

  /** The bytes of a {@code $NACL} keyfile: the JSON, sealed under {@code passphrase}. */
  public static byte[] encrypt(KeyfileData data, char[] passphrase) {
    return encode(data, requireNonNull(passphrase, "passphrase"), KeyfileCipher.STANDARD);
  }

  /** {@code passphrase} is null for a plain file. */
  static byte[] encode(KeyfileData data, char[] passphrase, KeyfileCipher cipher) {
    byte[] json = toJson(data);
    if (passphrase == null) {
      return json;
    }
    try {
      return cipher.sealNacl(json, passphrase);
    } finally {
      Arrays.fill(json, (byte) 0);
    }
  }

  /** The compact JSON of the data, as bittensor-wallet writes it. */
  public static byte[] toJson(KeyfileData data) {
    return KeyfileJson.write(data);
  }

  /** Parses and checks keyfile JSON; {@code where} names the file in messages. */
  public static KeyfileData parseJson(byte[] json, String where) {
    return KeyfileJson.parse(json, where);
  }
}
