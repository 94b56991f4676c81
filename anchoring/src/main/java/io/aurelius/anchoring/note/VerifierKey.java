package io.aurelius.anchoring.note;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.crypto.Ed25519PublicKey;
import io.aurelius.core.hash.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A note verifier key, written {@code name+hex(keyID)+base64(type‖pk)}. The key id is {@code
 * SHA-256(name ‖ 0x0A ‖ type ‖ pk)[:4]} read big-endian, so the same Ed25519 key has different ids
 * as a log key (type 01) and as a cosigner (type 04).
 */
public record VerifierKey(String name, int keyId, KeyType type, Ed25519PublicKey publicKey) {
  private static final int MAX_NAME_LENGTH = 512;

  public VerifierKey {
    requireNonNull(name, "name");
    requireNonNull(type, "type");
    requireNonNull(publicKey, "publicKey");
    checkName(name);
    int expected = keyId(name, type, publicKey);
    if (keyId != expected) {
      throw new IllegalArgumentException(
          "verifier key "
              + name
              + ": key id "
              + String.format(Locale.ROOT, "%08x", keyId)
              + " (expected: "
              + String.format(Locale.ROOT, "%08x", expected)
              + " for this name, type and public key)");
    }
  }

  public static VerifierKey of(String name, KeyType type, Ed25519PublicKey publicKey) {
    return new VerifierKey(name, keyId(name, type, publicKey), type, publicKey);
  }

  /** Parses {@code name+hex8+base64}; any deviation is a {@link MalformedNoteException}. */
  public static VerifierKey parse(String text) throws MalformedNoteException {
    requireNonNull(text, "text");
    String shown = text.length() > 120 ? text.substring(0, 120) + "…" : text;
    String[] parts = text.split("\\+", 3); // base64 may itself contain '+'
    if (parts.length != 3) {
      throw new MalformedNoteException(
          "verifier key '"
              + shown
              + "': "
              + parts.length
              + " '+'-separated parts (expected: name+keyid+key)");
    }
    if (!parts[1].matches("[0-9a-f]{8}")) {
      throw new MalformedNoteException(
          "verifier key '"
              + shown
              + "': key id '"
              + parts[1]
              + "' (expected: 8 lowercase hex digits)");
    }
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(parts[2]);
    } catch (IllegalArgumentException e) {
      throw new MalformedNoteException("verifier key '" + shown + "': key is not base64");
    }
    if (raw.length == 0) {
      throw new MalformedNoteException("verifier key '" + shown + "': empty key");
    }
    KeyType type =
        KeyType.of(raw[0])
            .orElseThrow(
                () ->
                    new MalformedNoteException(
                        "verifier key '"
                            + shown
                            + "': type 0x"
                            + HexFormat.of().toHexDigits(raw[0])
                            + " (expected: 01 Ed25519 or 04 cosignature)"));
    if (raw.length != 1 + Ed25519PublicKey.LENGTH) {
      throw new MalformedNoteException(
          "verifier key '" + shown + "': " + (raw.length - 1) + "-byte public key (expected: 32)");
    }
    byte[] pk = java.util.Arrays.copyOfRange(raw, 1, raw.length);
    int keyId = (int) Long.parseLong(parts[1], 16);
    try {
      return new VerifierKey(parts[0], keyId, type, Ed25519PublicKey.fromBytes(pk));
    } catch (IllegalArgumentException e) {
      throw new MalformedNoteException(e.getMessage());
    }
  }

  public static int keyId(String name, KeyType type, Ed25519PublicKey publicKey) {
    byte[] digest =
        Sha256.digest(
            name.getBytes(StandardCharsets.UTF_8),
            new byte[] {'\n', type.code()},
            publicKey.bytes());
    return ((digest[0] & 0xff) << 24)
        | ((digest[1] & 0xff) << 16)
        | ((digest[2] & 0xff) << 8)
        | (digest[3] & 0xff);
  }

  public String keyIdHex() {
    return String.format(Locale.ROOT, "%08x", keyId);
  }

  /** The {@code name+hex+base64} form. */
  public String format() {
    byte[] raw = new byte[1 + Ed25519PublicKey.LENGTH];
    raw[0] = type.code();
    System.arraycopy(publicKey.bytes(), 0, raw, 1, Ed25519PublicKey.LENGTH);
    return name + "+" + keyIdHex() + "+" + Base64.getEncoder().encodeToString(raw);
  }

  /** Key names are non-empty, without spaces or '+', as the signed-note spec requires. */
  static void checkName(String name) {
    if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException(
          "key name: " + name.length() + " chars (expected: 1.." + MAX_NAME_LENGTH + ")");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '+'
          || Character.isWhitespace(c)
          || Character.isSpaceChar(c)
          || Character.isISOControl(c)) {
        throw new IllegalArgumentException(
            "key name '"
                + name
                + "': contains '"
                + (Character.isISOControl(c) ? "\\u" + Integer.toHexString(c) : String.valueOf(c))
                + "' (expected: no spaces, control characters or '+')");
      }
    }
  }

  @Override
  public String toString() {
    return format();
  }
}
