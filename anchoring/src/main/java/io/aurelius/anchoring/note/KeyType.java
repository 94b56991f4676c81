package io.aurelius.anchoring.note;

import java.util.Optional;

/** Signature types of the C2SP signed-note spec that this node signs and verifies. */
public enum KeyType {
  /** Ed25519 over the note text. */
  ED25519((byte) 0x01),
  /** tlog-cosignature/v1: Ed25519 over {@code "cosignature/v1\ntime <t>\n" ‖ text}. */
  COSIGNATURE((byte) 0x04);

  private final byte code;

  KeyType(byte code) {
    this.code = code;
  }

  public byte code() {
    return code;
  }

  public static Optional<KeyType> of(byte code) {
    for (KeyType t : values()) {
      if (t.code == code) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
