package io.aurelius.core.json;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Strict encoding check before JSON parsing: the bytes must be UTF-8 without a byte order mark and
 * without NUL bytes (which the JSON reader would otherwise take as a hint of UTF-16 or UTF-32 and
 * silently decode).
 */
public final class Utf8 {
  private Utf8() {}

  /** The problem with the bytes' encoding, if any, as a one-line message. */
  public static Optional<String> problem(byte[] bytes) {
    if (bytes.length >= 3
        && (bytes[0] & 0xff) == 0xef
        && (bytes[1] & 0xff) == 0xbb
        && (bytes[2] & 0xff) == 0xbf) {
      return Optional.of("starts with a byte order mark (expected: UTF-8 without BOM)");
    }
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        return Optional.of("NUL byte at offset " + i + " (expected: UTF-8 text)");
      }
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    try {
      decoder.decode(in);
      return Optional.empty();
    } catch (CharacterCodingException e) {
      return Optional.of(
          "invalid UTF-8 at byte offset " + in.position() + " (expected: UTF-8 text)");
    }
  }
}
