package io.aurelius.core.githttp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds request bodies in git's pkt-line framing for tests. */
final class PktLineBuilder {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  PktLineBuilder line(String text) {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    out.writeBytes(String.format("%04x", payload.length + 4).getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(payload);
    return this;
  }

  PktLineBuilder flush() {
    out.writeBytes("0000".getBytes(StandardCharsets.US_ASCII));
    return this;
  }

  PktLineBuilder delim() {
    out.writeBytes("0001".getBytes(StandardCharsets.US_ASCII));
    return this;
  }

  byte[] bytes() {
    return out.toByteArray();
  }
}
