package io.aurelius.core.identity.wallet;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.identity.KeyStoreException;
import io.aurelius.core.identity.KeyStoreException.Reason;
import io.aurelius.core.identity.wallet.SecretMaterial.ExpandedSecret;
import io.aurelius.core.identity.wallet.SecretMaterial.MiniSecret;
import io.aurelius.core.identity.wallet.SecretMaterial.Phrase;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonInputException;
import io.aurelius.core.json.JsonLimits;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

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
  private static final JsonLimits LIMITS = new JsonLimits(MAX_FILE_BYTES, 2, 4096);
  private static final ObjectMapper COMPACT = JsonMapper.builder().build();
  private static final Pattern HEX = Pattern.compile("(0x)?([0-9a-fA-F]*)");
  private static final List<String> FIELDS =
      List.of(
          "accountId",
          "publicKey",
          "privateKey",
          "secretPhrase",
          "secretSeed",
          "ss58Address",
          "cryptoType");
  private static final Set<String> FIELD_SET = Set.copyOf(FIELDS);

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
    requireNonNull(data, "data");
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("accountId", data.account().hex());
    root.put("publicKey", data.account().hex());
    data.privateKey().ifPresent(key -> root.put("privateKey", ((SecretBytes) key).hex()));
    data.secretPhrase().ifPresent(phrase -> root.put("secretPhrase", new String(phrase.chars())));
    data.secretSeed().ifPresent(seed -> root.put("secretSeed", seed.hex()));
    root.put("ss58Address", data.account().ss58Address());
    data.cryptoType().ifPresent(type -> root.put("cryptoType", type.wireValue()));
    try {
      return COMPACT.writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write keyfile JSON", e);
    }
  }

  /** Parses and checks keyfile JSON; {@code where} names the file in messages. */
  public static KeyfileData parseJson(byte[] json, String where) {
    requireNonNull(json, "json");
    requireNonNull(where, "where");
    JsonNode root;
    try {
      root = Json.parse(json, where, LIMITS);
    } catch (JsonInputException e) {
      throw corrupted(e.getMessage() + " (expected: a Bittensor keyfile, a JSON object)");
    }
    if (!root.isObject()) {
      throw corrupted(
          where
              + ": a JSON "
              + root.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)
              + " (expected: a Bittensor keyfile, a JSON object)");
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!FIELD_SET.contains(name)) {
        throw corrupted(
            where
                + ": unknown field '"
                + abbreviate(name)
                + "' (expected only: "
                + String.join(", ", FIELDS)
                + ")");
      }
    }
    Fields fields = new Fields(root, where);
    Optional<CryptoType> cryptoType = fields.cryptoType();
    CryptoType scheme = cryptoType.orElse(CryptoType.SR25519);
    AccountId account = fields.account();
    Optional<Phrase> phrase = fields.phrase();
    Optional<MiniSecret> seed = fields.bytes("secretSeed", MiniSecret.LENGTH).map(MiniSecret::of);
    int privateLength = scheme == CryptoType.SR25519 ? ExpandedSecret.LENGTH : MiniSecret.LENGTH;
    Optional<SecretMaterial> privateKey =
        fields
            .bytes("privateKey", privateLength)
            .map(
                bytes ->
                    scheme == CryptoType.SR25519 ? ExpandedSecret.of(bytes) : MiniSecret.of(bytes));
    return new KeyfileData(account, cryptoType, phrase, seed, privateKey);
  }

  static KeyStoreException corrupted(String message) {
    return new KeyStoreException(Reason.CORRUPTED, message);
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }

  /** Typed access to the fields of one keyfile object. */
  private record Fields(JsonNode root, String where) {
    /** A string field; empty when absent or null. */
    Optional<String> string(String name) {
      JsonNode value = root.get(name);
      if (value == null || value.isNull()) {
        return Optional.empty();
      }
      if (!value.isTextual()) {
        throw corrupted(
            where
                + ": "
                + name
                + ": a JSON "
                + value.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)
                + " (expected: a string)");
      }
      return Optional.of(value.textValue());
    }

    Optional<byte[]> bytes(String name, int length) {
      Optional<String> text = string(name);
      if (text.isEmpty()) {
        return Optional.empty();
      }
      var matcher = HEX.matcher(text.get());
      if (!matcher.matches() || matcher.group(2).length() % 2 != 0) {
        throw corrupted(
            where + ": " + name + ": not hex (expected: 0x and " + length * 2 + " hex digits)");
      }
      int bytes = matcher.group(2).length() / 2;
      if (bytes != length) {
        throw corrupted(where + ": " + name + ": " + bytes + " bytes (expected: " + length + ")");
      }
      return Optional.of(HexFormat.of().parseHex(matcher.group(2)));
    }

    Optional<CryptoType> cryptoType() {
      JsonNode value = root.get("cryptoType");
      if (value == null || value.isNull()) {
        return Optional.empty();
      }
      if (!value.isInt()) {
        throw corrupted(
            where
                + ": cryptoType: "
                + abbreviate(value.toString())
                + " (expected: 0 for ed25519 or 1 for sr25519)");
      }
      try {
        return Optional.of(CryptoType.fromWireValue(value.intValue()));
      } catch (IllegalArgumentException e) {
        throw corrupted(where + ": cryptoType: " + e.getMessage());
      }
    }

    Optional<Phrase> phrase() {
      Optional<String> text = string("secretPhrase");
      if (text.isEmpty()) {
        return Optional.empty();
      }
      // The SDK splits a phrase on white space (bip39's parse), so runs of it are one separator.
      char[] words = text.get().strip().replaceAll("\\s+", " ").toCharArray();
      try {
        return Optional.of(Phrase.of(words));
      } catch (IllegalArgumentException e) {
        throw corrupted(where + ": secretPhrase: " + e.getMessage());
      } finally {
        Arrays.fill(words, '\0');
      }
    }

    AccountId account() {
      Optional<AccountId> publicKey = bytes("publicKey", AccountId.LENGTH).map(AccountId::of);
      Optional<AccountId> accountId = bytes("accountId", AccountId.LENGTH).map(AccountId::of);
      Optional<AccountId> ss58 = string("ss58Address").map(this::ss58);
      if (publicKey.isPresent() && accountId.isPresent() && !publicKey.equals(accountId)) {
        throw corrupted(
            where
                + ": accountId "
                + accountId.get().hex()
                + " is not publicKey "
                + publicKey.get().hex()
                + " (expected: the same key)");
      }
      Optional<AccountId> key = publicKey.or(() -> accountId);
      if (key.isPresent() && ss58.isPresent() && !key.equals(ss58)) {
        throw corrupted(
            where
                + ": ss58Address "
                + ss58.get().ss58Address()
                + " is not the address of publicKey "
                + key.get().hex()
                + " (expected: "
                + key.get().ss58Address()
                + ")");
      }
      return key.or(() -> ss58)
          .orElseThrow(
              () ->
                  corrupted(
                      where + ": no publicKey, accountId or ss58Address (expected: at least one)"));
    }

    private AccountId ss58(String address) {
      try {
        return AccountId.fromSs58(address);
      } catch (IllegalArgumentException e) {
        throw corrupted(where + ": ss58Address: " + e.getMessage());
      }
    }
  }
}
