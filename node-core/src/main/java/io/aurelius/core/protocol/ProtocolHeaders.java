package io.aurelius.core.protocol;

import static io.aurelius.core.hash.LowerHex.isLowerHex;

import io.aurelius.core.hash.ContentId;
import io.aurelius.core.identity.KeyId;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The header set of the signed protocol and the strict syntax of each value. Requests and responses
 * carry the same six headers; on a response, sender is the server and receiver the client, and
 * nonce and uuid echo the request's.
 *
 * <ul>
 *   <li>{@value #SENDER}, {@value #RECEIVER}: SS58 addresses ({@link KeyId}).
 *   <li>{@value #NONCE}: wall-clock nanoseconds since the epoch, decimal, 1..19 digits.
 *   <li>{@value #UUID}: the sender's session, a lowercase RFC 4122 uuid (8-4-4-4-12 hex).
 *   <li>{@value #BODY_SHA256}: SHA-256 of the exact body bytes, 64 lowercase hex digits.
 *   <li>{@value #SIGNATURE}: the Ed25519 signature, 128 lowercase hex digits (no {@code 0x}).
 * </ul>
 */
public final class ProtocolHeaders {
  public static final String SENDER = "x-aurelius-sender";
  public static final String RECEIVER = "x-aurelius-receiver";
  public static final String NONCE = "x-aurelius-nonce";
  public static final String UUID = "x-aurelius-uuid";
  public static final String BODY_SHA256 = "x-aurelius-body-sha256";
  public static final String SIGNATURE = "x-aurelius-signature";

  /** Set by the server on every response; quoted in error bodies and logs. */
  public static final String REQUEST_ID = "x-aurelius-request-id";

  /** The path prefix of signed routes: {@code POST /v1/<route>}. */
  public static final String ROUTE_PREFIX = "/v1/";

  private static final HexFormat HEX = HexFormat.of();

  /** Parsed addresses (base58 and a BLAKE2b checksum each time otherwise); cleared when full. */
  private static final int MAX_CACHED_KEYS = 4096;

  private static final ConcurrentHashMap<String, KeyId> KEYS = new ConcurrentHashMap<>();

  private ProtocolHeaders() {}

  public static KeyId parseKeyId(String header, String value) {
    KeyId cached = KEYS.get(value);
    if (cached != null) {
      return cached;
    }
    KeyId parsed;
    try {
      parsed = KeyId.parse(value);
    } catch (IllegalArgumentException e) {
      throw malformed(header, e.getMessage());
    }
    if (KEYS.size() >= MAX_CACHED_KEYS) {
      KEYS.clear();
    }
    KEYS.put(value, parsed);
    return parsed;
  }

  public static long parseNonce(String value) {
    if (value.isEmpty() || value.length() > 19 || !allDigits(value)) {
      throw malformed(NONCE, "'" + shown(value) + "' (expected: 1..19 decimal digits)");
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw malformed(NONCE, "'" + value + "' (expected: at most " + Long.MAX_VALUE + ")");
    }
  }

  public static String parseUuid(String value) {
    if (!isUuid(value)) {
      throw malformed(UUID, "'" + shown(value) + "' (expected: a lowercase 8-4-4-4-12 hex uuid)");
    }
    return value;
  }

  public static ContentId parseBodyHash(String value) {
    try {
      return ContentId.parse(value);
    } catch (IllegalArgumentException e) {
      throw malformed(BODY_SHA256, "'" + shown(value) + "' (expected: 64 lowercase hex digits)");
    }
  }

  public static byte[] parseSignature(String value) {
    if (value.length() != 128 || !isLowerHex(value, 0, 128)) {
      throw malformed(SIGNATURE, "'" + shown(value) + "' (expected: 128 lowercase hex digits)");
    }
    return HEX.parseHex(value);
  }

  public static String formatSignature(byte[] signature) {
    return HEX.formatHex(signature);
  }

  /** Checks a uuid a caller chose for itself, throwing {@link IllegalArgumentException}. */
  public static String checkUuid(String uuid) {
    if (!isUuid(uuid)) {
      throw new IllegalArgumentException(
          "uuid: '" + shown(uuid) + "' (expected: a lowercase 8-4-4-4-12 hex uuid)");
    }
    return uuid;
  }

  // Hand-written rather than regular expressions: these run several times per request.

  private static boolean isUuid(String s) {
    return s.length() == 36
        && s.charAt(8) == '-'
        && s.charAt(13) == '-'
        && s.charAt(18) == '-'
        && s.charAt(23) == '-'
        && isLowerHex(s, 0, 8)
        && isLowerHex(s, 9, 13)
        && isLowerHex(s, 14, 18)
        && isLowerHex(s, 19, 23)
        && isLowerHex(s, 24, 36);
  }

  private static boolean allDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static RefusalException malformed(String header, String detail) {
    return new RefusalException(
        Refusal.of(ProtocolStatus.BAD_REQUEST, "header " + header + ": " + detail));
  }

  static String shown(String value) {
    String oneLine = value.replaceAll("[\\p{Cntrl}]", "?");
    return oneLine.length() > 64 ? oneLine.substring(0, 64) + "…" : oneLine;
  }
}
