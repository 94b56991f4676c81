package io.aurelius.core.identity;

import static io.aurelius.core.identity.KeyFileFields.corrupted;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.crypto.ChaCha20Poly1305;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.crypto.Ed25519PrivateKey;
import io.aurelius.core.crypto.Scrypt;
import io.aurelius.core.crypto.ScryptParams;
import io.aurelius.core.identity.KeyStoreException.Reason;
import io.aurelius.core.json.CanonicalJson;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * A coldkey file: the common header, then
 *
 * <pre>
 * encryption  {"kdf": "scrypt", "n": 32768, "r": 8, "p": 1, "salt": 16 bytes,
 *              "cipher": "chacha20-poly1305", "nonce": 12 bytes}
 * ciphertext  the 32-byte seed sealed with ChaCha20-Poly1305 (48 bytes with the tag)
 * </pre>
 *
 * The cipher key is scrypt(passphrase, salt) with the recorded cost. The associated data is the RFC
 * 8785 canonical JSON of the whole file without {@code ciphertext}, so changing any header or
 * encryption field (the name, the key id, the cost, the salt) makes decryption fail just as a wrong
 * passphrase does. The passphrase is taken as UTF-8 after Unicode NFC normalisation, so the same
 * text typed on different systems gives the same key.
 */
final class ColdkeyFile {
  static final Set<String> FIELDS =
      Set.of("format", "kind", "name", "key_id", "public_key", "encryption", "ciphertext");
  static final Set<String> ENCRYPTION_FIELDS =
      Set.of("kdf", "n", "r", "p", "salt", "cipher", "nonce");
  static final String KDF = "scrypt";
  static final String CIPHER = "chacha20-poly1305";
  static final int SALT_LENGTH = 16;

  private ColdkeyFile() {}

  static byte[] encode(
      KeyName name,
      Ed25519KeyPair pair,
      char[] passphrase,
      ScryptParams params,
      SecureRandom random) {
    byte[] salt = new byte[SALT_LENGTH];
    byte[] nonce = new byte[ChaCha20Poly1305.NONCE_LENGTH];
    random.nextBytes(salt);
    random.nextBytes(nonce);
    ObjectNode root = KeyFileFormat.header(name, KeyKind.COLDKEY, pair.publicKey());
    ObjectNode encryption = root.putObject("encryption");
    encryption.put("kdf", KDF);
    encryption.put("n", params.n());
    encryption.put("r", params.r());
    encryption.put("p", params.p());
    encryption.put("salt", KeyFileFormat.hex(salt));
    encryption.put("cipher", CIPHER);
    encryption.put("nonce", KeyFileFormat.hex(nonce));
    byte[] key = deriveKey(passphrase, salt, params);
    byte[] seed = pair.privateKey().seed();
    byte[] sealed = ChaCha20Poly1305.seal(key, nonce, CanonicalJson.bytes(root), seed);
    Arrays.fill(key, (byte) 0);
    Arrays.fill(seed, (byte) 0);
    root.put("ciphertext", KeyFileFormat.hex(sealed));
    return KeyFileFormat.toBytes(root);
  }

  /** Checks the structure and parameters without a passphrase, as listing does. */
  static void checkStructure(KeyFileFields fields) {
    fields.onlyFields(FIELDS);
    readEncryption(fields);
    fields.hex("ciphertext", Ed25519PrivateKey.LENGTH + ChaCha20Poly1305.TAG_LENGTH);
  }

  static Ed25519KeyPair decrypt(
      KeyFileFields fields, KeyFileFormat.Header header, char[] passphrase) {
    fields.onlyFields(FIELDS);
    Encryption encryption = readEncryption(fields);
    byte[] ciphertext =
        fields.hex("ciphertext", Ed25519PrivateKey.LENGTH + ChaCha20Poly1305.TAG_LENGTH);
    ObjectNode aad = ((ObjectNode) fields.object()).deepCopy();
    aad.remove("ciphertext");
    byte[] key = deriveKey(passphrase, encryption.salt(), encryption.params());
    Optional<byte[]> seed =
        ChaCha20Poly1305.open(key, encryption.nonce(), CanonicalJson.bytes(aad), ciphertext);
    Arrays.fill(key, (byte) 0);
    if (seed.isEmpty()) {
      throw new KeyStoreException(
          Reason.WRONG_PASSPHRASE,
          fields.where()
              + ": wrong passphrase or corrupted key file (the coldkey did not decrypt)");
    }
    Ed25519KeyPair pair = Ed25519KeyPair.fromSeed(seed.get());
    Arrays.fill(seed.get(), (byte) 0);
    if (!pair.publicKey().equals(header.keyId().ed25519())) {
      pair.privateKey().destroy();
      throw corrupted(
          fields.where()
              + ": decrypted seed does not give public_key "
              + header.keyId().ed25519().hex()
              + " (expected: the seed of that key)");
    }
    return pair;
  }

  private record Encryption(ScryptParams params, byte[] salt, byte[] nonce) {}

  private static Encryption readEncryption(KeyFileFields fields) {
    KeyFileFields enc =
        fields
            .object("encryption", "an object with the KDF and cipher parameters")
            .onlyFields(ENCRYPTION_FIELDS);
    String kdf = enc.string("kdf");
    if (!kdf.equals(KDF)) {
      throw corrupted(enc.where() + ": kdf '" + abbreviate(kdf) + "' (expected: '" + KDF + "')");
    }
    String cipher = enc.string("cipher");
    if (!cipher.equals(CIPHER)) {
      throw corrupted(
          enc.where() + ": cipher '" + abbreviate(cipher) + "' (expected: '" + CIPHER + "')");
    }
    ScryptParams params;
    try {
      params = new ScryptParams(enc.integer("n"), enc.integer("r"), enc.integer("p"));
    } catch (IllegalArgumentException e) {
      throw corrupted(enc.where() + ": " + e.getMessage());
    }
    return new Encryption(
        params, enc.hex("salt", SALT_LENGTH), enc.hex("nonce", ChaCha20Poly1305.NONCE_LENGTH));
  }

  static byte[] deriveKey(char[] passphrase, byte[] salt, ScryptParams params) {
    byte[] secret = passphraseBytes(passphrase);
    try {
      return Scrypt.derive(secret, salt, params, ChaCha20Poly1305.KEY_LENGTH);
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
  }

  private static byte[] passphraseBytes(char[] passphrase) {
    String normalized = Normalizer.normalize(CharBuffer.wrap(passphrase), Normalizer.Form.NFC);
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(normalized);
    byte[] out = new byte[encoded.remaining()];
    encoded.get(out);
    if (encoded.hasArray()) {
      Arrays.fill(encoded.array(), (byte) 0);
    }
    return out;
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
