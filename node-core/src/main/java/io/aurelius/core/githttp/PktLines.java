package io.aurelius.core.githttp;

import java.nio.charset.StandardCharsets;

/**
 * Checks the pkt-line framing of a whole request body before JGit sees it, so a malformed body is a
 * 400 rather than an error buried in a 200 response. What the lines say is left to JGit.
 */
final class PktLines {
  /** The largest pkt-line git allows, length prefix included. */
  static final int MAX_LENGTH = 65520;

  private PktLines() {}

  static void check(byte[] body) throws GitHttpException {
    if (body.length == 0) {
      throw new GitHttpException(400, "request body: empty (expected: pkt-lines)");
    }
    int at = 0;
    while (at < body.length) {
      if (body.length - at < 4) {
        throw new GitHttpException(
            400,
            "request body: pkt-line at byte "
                + at
                + ": "
                + (body.length - at)
                + " trailing bytes (expected: a 4-digit hex length)");
      }
      int length = hexLength(body, at);
      if (length < 0) {
        throw new GitHttpException(
            400,
            "request body: pkt-line at byte "
                + at
                + ": length "
                + GitRoute.quote(new String(body, at, 4, StandardCharsets.ISO_8859_1))
                + " (expected: 4 hex digits)");
      }
      if (length <= 2) {
        at += 4; // flush, delimiter or response-end packet
        continue;
      }
      if (length == 3 || length > MAX_LENGTH) {
        throw new GitHttpException(
            400,
            "request body: pkt-line at byte "
                + at
                + ": length "
                + length
                + " (expected: 0000..0002 or 4.."
                + MAX_LENGTH
                + ")");
      }
      if (length > body.length - at) {
        throw new GitHttpException(
            400,
            "request body: pkt-line at byte "
                + at
                + ": length "
                + length
                + " but only "
                + (body.length - at)
                + " bytes left (expected: whole lines)");
      }
      at += length;
    }
  }

  /** How many lines of a body that passed {@link #check} start with {@code prefix}. */
  static int count(byte[] body, String prefix) {
    byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
    int n = 0;
    int at = 0;
    while (at + 4 <= body.length) {
      int length = hexLength(body, at);
      if (length <= 2) {
        at += 4;
        continue;
      }
      if (startsWith(body, at + 4, Math.min(at + length, body.length), p)) {
        n++;
      }
      at += length;
    }
    return n;
  }

  private static boolean startsWith(byte[] body, int from, int to, byte[] prefix) {
    if (to - from < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (body[from + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static int hexLength(byte[] body, int at) {
    int value = 0;
    for (int i = at; i < at + 4; i++) {
      int c = body[i];
      int digit =
          c >= '0' && c <= '9'
              ? c - '0'
              : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (digit < 0) {
        return -1;
      }
      value = value * 16 + digit;
    }
    return value;
  }
}
