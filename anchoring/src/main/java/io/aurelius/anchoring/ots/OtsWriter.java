package io.aurelius.anchoring.ots;

import java.io.ByteArrayOutputStream;

/** Writes the proof encodings: raw bytes, unsigned LEB128 varuints and varbytes. */
final class OtsWriter {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

  void writeByte(int b) {
    out.write(b);
  }

  void writeBytes(byte[] b) {
    out.writeBytes(b);
  }

  void writeVaruint(long value) {
    long v = value;
    do {
      int b = (int) (v & 0x7f);
      v >>>= 7;
      out.write(v != 0 ? b | 0x80 : b);
    } while (v != 0);
  }

  void writeVarbytes(byte[] b) {
    writeVaruint(b.length);
    out.writeBytes(b);
  }

  byte[] toByteArray() {
    return out.toByteArray();
  }
}
