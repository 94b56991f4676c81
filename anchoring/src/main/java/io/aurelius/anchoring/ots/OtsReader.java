package io.aurelius.anchoring.ots;

import java.util.Arrays;

/** A bounded cursor over proof bytes; every read error names its byte offset. */
final class OtsReader {
  private final byte[] bytes;
  private final String what;
  private int pos;

  OtsReader(byte[] bytes, String what) {
    this.bytes = bytes;
    this.what = what;
  }

  int position() {
    return pos;
  }

  int readByte() throws OtsFormatException {
    if (pos >= bytes.length) {
      throw error("truncated: expected 1 more byte");
    }
    return bytes[pos++] & 0xff;
  }

  byte[] readBytes(int n) throws OtsFormatException {
    if (n < 0 || bytes.length - pos < n) {
      throw error("truncated: expected " + n + " bytes, " + (bytes.length - pos) + " left");
    }
    byte[] out = Arrays.copyOfRange(bytes, pos, pos + n);
    pos += n;
    return out;
  }

  /** Unsigned LEB128, refused beyond 63 bits (no valid field needs more). */
  long readVaruint() throws OtsFormatException {
    int start = pos;
    long value = 0;
    for (int shift = 0; ; shift += 7) {
      int b = readByte();
      if (shift == 63 && b != 0) {
        pos = start;
        throw error("varuint larger than 2^63-1");
      }
      value |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
  }

  byte[] readVarbytes(int max, int min, String field) throws OtsFormatException {
    int start = pos;
    long n = readVaruint();
    if (n > max) {
      pos = start;
      throw error(field + ": " + n + " bytes (expected: at most " + max + ")");
    }
    if (n < min) {
      pos = start;
      throw error(field + ": " + n + " bytes (expected: at least " + min + ")");
    }
    return readBytes((int) n);
  }

  void assertEof() throws OtsFormatException {
    if (pos != bytes.length) {
      throw error((bytes.length - pos) + " trailing bytes (expected: end of proof)");
    }
  }

  OtsFormatException error(String message) {
    return errorAt(pos, message);
  }

  OtsFormatException errorAt(int offset, String message) {
    return new OtsFormatException(what + ": at byte " + offset + ": " + message);
  }
}
