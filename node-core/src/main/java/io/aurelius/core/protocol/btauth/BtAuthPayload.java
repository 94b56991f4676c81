package io.aurelius.core.protocol.btauth;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.crypto.KeyScheme;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The bytes a btauth/1 signature covers: the UTF-8 of exactly eight lines joined by {@code \n}, no
 * trailing newline:
 *
 * <pre>
 * btauth/1
 * scheme               sr25519 | ed25519
 * METHOD               uppercase
 * target               percent-encoded path plus ?query, exactly as sent
 * sha256(body)         lowercase hex of the raw body bytes
 * nonce                decimal nanoseconds
 * sender               ss58
 * receiver             ss58, or "-" when the request is bound to no receiver
 * </pre>
 *
 * No field may contain a line break (the lines would shift), so each is checked.
 */
public record BtAuthPayload(
    KeyScheme scheme,
    String method,
    String target,
    String bodySha256,
    long nonce,
    String sender,
    String receiver) {
  public static final String PROTOCOL = "btauth/1";

  /** The receiver line of a request bound to no receiver. */
  public static final String NO_RECEIVER = "-";

  /** Longest request target accepted (a common HTTP server's request-line limit). */
  public static final int MAX_TARGET_LENGTH = 8192;

  private static final HexFormat HEX = HexFormat.of();

  /**
   * @param receiver the receiver's ss58, or {@code null} for none (the line is then {@code -})
   */
  public BtAuthPayload {
    requireNonNull(scheme, "scheme");
    method = checkMethod(method);
    checkTarget(target);
    requireNonNull(bodySha256, "bodySha256");
    if (bodySha256.length() != 64 || !isLowerHex(bodySha256)) {
      throw new IllegalArgumentException(
          "body sha256: '" + BtAuthHeaders.shown(bodySha256) + "' (expected: 64 lowercase hex)");
    }
    checkLine("sender", sender);
    if (receiver != null) {
      checkLine("receiver", receiver);
      if (receiver.equals(NO_RECEIVER)) {
        throw new IllegalArgumentException("receiver: '-' (expected: an ss58 address, or none)");
      }
    }
  }

  /** The payload of a request with this raw {@code body}; its SHA-256 is computed here. */
  public static BtAuthPayload of(
      KeyScheme scheme,
      String method,
      String target,
      byte[] body,
      long nonce,
      String sender,
      String receiver) {
    return new BtAuthPayload(scheme, method, target, sha256Hex(body), nonce, sender, receiver);
  }

  /** The exact signed bytes. */
  public byte[] bytes() {
    String text =
        String.join(
            "\n",
            PROTOCOL,
            scheme.wireName(),
            method,
            target,
            bodySha256,
            Long.toString(nonce),
            sender,
            receiver == null ? NO_RECEIVER : receiver);
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Lowercase hex SHA-256 of {@code body}. */
  public static String sha256Hex(byte[] body) {
    requireNonNull(body, "body");
    try {
      return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }

  /** An HTTP method token (RFC 9110 {@code tchar}s), uppercased as the SDK does. */
  private static String checkMethod(String method) {
    requireNonNull(method, "method");
    if (method.isEmpty() || method.length() > 32) {
      throw new IllegalArgumentException(
          "method: '" + BtAuthHeaders.shown(method) + "' (expected: 1..32 token characters)");
    }
    for (int i = 0; i < method.length(); i++) {
      char c = method.charAt(i);
      boolean tchar =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!tchar) {
        throw new IllegalArgumentException(
            "method: '" + BtAuthHeaders.shown(method) + "' (expected: an HTTP token)");
      }
    }
    return method.toUpperCase(Locale.ROOT);
  }

  /**
   * The target as sent on the wire (the percent-encoded path plus {@code ?query}): bounded, and
   * without control characters, so it stays one line.
   */
  private static void checkTarget(String target) {
    requireNonNull(target, "target");
    if (target.isEmpty() || target.length() > MAX_TARGET_LENGTH) {
      throw new IllegalArgumentException(
          "target: " + target.length() + " characters (expected: 1.." + MAX_TARGET_LENGTH + ")");
    }
    for (int i = 0; i < target.length(); i++) {
      char c = target.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        throw new IllegalArgumentException(
            "target: '" + BtAuthHeaders.shown(target) + "' (expected: no control characters)");
      }
    }
  }

  private static void checkLine(String name, String value) {
    requireNonNull(value, name);
    if (value.isEmpty() || hasControl(value)) {
      throw new IllegalArgumentException(
          name + ": '" + BtAuthHeaders.shown(value) + "' (expected: one non-empty line)");
    }
  }

  static boolean hasControl(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        return true;
      }
    }
    return false;
  }

  static boolean isLowerHex(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }
}
