package io.aurelius.anchoring.gitsign;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The SSH wire encodings SSHSIG needs: uint32 and length-prefixed strings (RFC 4251 §5). */
final class SshWire {
  private SshWire() {}

  static final class Writer {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Writer raw(byte[] b) {
      out.writeBytes(b);
      return this;
    }

    Writer uint32(int v) {
      out.writeBytes(ByteBuffer.allocate(4).putInt(v).array());
      return this;
    }

    Writer string(byte[] b) {
      uint32(b.length);
      out.writeBytes(b);
      return this;
    }

    Writer string(String s) {
      return string(s.getBytes(StandardCharsets.UTF_8));
    }

    byte[] bytes() {
      return out.toByteArray();
    }
  }

  static final class Reader {
    private final byte[] data;
    private int pos;

    Reader(byte[] data) {
      this.data = data;
    }

    byte[] raw(int n) throws SshSignatureException {
      if (n < 0 || data.length - pos < n) {
        throw new SshSignatureException("SSH signature: truncated at byte " + pos);
      }
      byte[] out = Arrays.copyOfRange(data, pos, pos + n);
      pos += n;
      return out;
    }

    int uint32() throws SshSignatureException {
      return ByteBuffer.wrap(raw(4)).getInt();
    }

    byte[] string() throws SshSignatureException {
      int n = uint32();
      if (n < 0 || n > data.length - pos) {
        throw new SshSignatureException(
            "SSH signature: string of "
                + Integer.toUnsignedString(n)
                + " bytes at byte "
                + (pos - 4)
                + " overruns the blob");
      }
      return raw(n);
    }

    String text() throws SshSignatureException {
      return new String(string(), StandardCharsets.UTF_8);
    }

    void end() throws SshSignatureException {
      if (pos != data.length) {
        throw new SshSignatureException(
            "SSH signature: " + (data.length - pos) + " trailing bytes");
      }
    }
  }
}
