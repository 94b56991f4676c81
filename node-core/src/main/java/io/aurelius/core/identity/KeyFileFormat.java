package io.aurelius.core.identity;

import static io.aurelius.core.identity.KeyFileFields.corrupted;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.crypto.Ed25519PublicKey;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonInputException;
import io.aurelius.core.json.JsonLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The key file format {@code aurelius.key/1}: one UTF-8 JSON object per file, {@code
 * <home>/keys/<name>.json}. All binary values are lower-case hex. Fields common to both kinds:
 *
 * <pre>
 * format      "aurelius.key/1"
 * kind        "hotkey" | "coldkey"
 * name        the key's name, equal to the file name without ".json"
 * key_id      the SS58 {@link KeyId} of the public key
 * public_key  the 32-byte Ed25519 public key
 * </pre>
 *
 * A hotkey adds {@code seed} (the 32-byte RFC 8032 private key) in the clear; the file has mode
 * 0600. A coldkey adds {@code encryption} and {@code ciphertext}; see {@link ColdkeyFile}. Readers
 * refuse unknown fields, unknown formats and any field that disagrees with another (a key id that
 * is not the public key's, a seed that does not give the public key).
 */
final class KeyFileFormat {
  static final String FORMAT = "aurelius.key/1";
  static final int MAX_FILE_BYTES = 64 * 1024;
  private static final JsonLimits LIMITS = new JsonLimits(MAX_FILE_BYTES, 8, 4096);
  private static final String EXPECTED = "an aurelius key file, format " + FORMAT;

  private KeyFileFormat() {}

  /** The header fields, which are public. */
  record Header(KeyName name, KeyKind kind, KeyId keyId) {}

  static ObjectNode header(KeyName name, KeyKind kind, Ed25519PublicKey key) {
    ObjectNode root = Json.newObject();
    root.put("format", FORMAT);
    root.put("kind", kind.wireName());
    root.put("name", name.value());
    root.put("key_id", KeyId.of(key).address());
    root.put("public_key", key.hex());
    return root;
  }

  static byte[] toBytes(ObjectNode root) {
    try {
      return (Json.prettyWriter().writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write key file JSON", e);
    }
  }

  /** Parses the file's bytes into a JSON object; {@code where} names the file. */
  static KeyFileFields parse(byte[] bytes, String where) {
    JsonNode root;
    try {
      root = Json.parse(bytes, where, LIMITS);
    } catch (JsonInputException e) {
      throw corrupted(e.getMessage() + " (expected: " + EXPECTED + ")");
    }
    return KeyFileFields.of(root, where, EXPECTED);
  }

  /** Reads and cross-checks the common fields; the name must match the file's. */
  static Header readHeader(KeyFileFields fields, KeyName fileName) {
    String where = fields.where();
    JsonNode format = fields.field("format");
    if (!format.isTextual() || !format.textValue().equals(FORMAT)) {
      throw corrupted(where + ": format " + format + " (expected: \"" + FORMAT + "\")");
    }
    KeyKind kind;
    try {
      kind = KeyKind.fromWireName(fields.string("kind"));
    } catch (IllegalArgumentException e) {
      throw corrupted(where + ": " + e.getMessage());
    }
    String name = fields.string("name");
    if (!name.equals(fileName.value())) {
      throw corrupted(
          where
              + ": name '"
              + abbreviate(name)
              + "' (expected: '"
              + fileName
              + "', the file name without .json)");
    }
    KeyId keyId;
    try {
      keyId = KeyId.parse(fields.string("key_id"));
    } catch (IllegalArgumentException e) {
      throw corrupted(where + ": field 'key_id': " + e.getMessage());
    }
    Ed25519PublicKey publicKey =
        Ed25519PublicKey.fromBytes(fields.hex("public_key", Ed25519PublicKey.LENGTH));
    if (!keyId.ed25519().equals(publicKey)) {
      throw corrupted(
          where
              + ": key_id "
              + keyId
              + " is not the id of public_key "
              + publicKey.hex()
              + " (expected: "
              + KeyId.of(publicKey)
              + ")");
    }
    return new Header(fileName, kind, keyId);
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
