package io.aurelius.anchoring.ots;

import io.aurelius.core.crypto.Keccak256;
import io.aurelius.core.crypto.Ripemd160;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/** Operations without an argument: the hash functions, reverse and hexlify. */
public enum UnaryOp implements Op {
  SHA1(0x02, 20),
  RIPEMD160(0x03, 20),
  SHA256(0x08, 32),
  KECCAK256(0x67, 32),
  REVERSE(0xf2, 0),
  HEXLIFY(0xf3, 0);

  private final byte tag;
  private final int digestLength;

  UnaryOp(int tag, int digestLength) {
    this.tag = (byte) tag;
    this.digestLength = digestLength;
  }

  @Override
  public byte tag() {
    return tag;
  }

  /** True for the hash operations, the only ones that may hash a file. */
  public boolean isHash() {
    return digestLength > 0;
  }

  public int digestLength() {
    return digestLength;
  }

  public static Optional<UnaryOp> ofTag(int tag) {
    for (UnaryOp op : values()) {
      if ((op.tag & 0xff) == tag) {
        return Optional.of(op);
      }
    }
    return Optional.empty();
  }

  @Override
  public byte[] apply(byte[] msg) throws OtsFormatException {
    String name = name().toLowerCase(java.util.Locale.ROOT);
    Op.checkMessage(msg, this == HEXLIFY ? Op.MAX_RESULT_LENGTH / 2 : Op.MAX_MSG_LENGTH, name);
    switch (this) {
      case SHA1, SHA256, RIPEMD160, KECCAK256 -> {
        return digest(msg);
      }
      case REVERSE -> {
        if (msg.length == 0) {
          throw new OtsFormatException("reverse: empty message");
        }
        byte[] out = new byte[msg.length];
        for (int i = 0; i < msg.length; i++) {
          out[i] = msg[msg.length - 1 - i];
        }
        return out;
      }
      case HEXLIFY -> {
        if (msg.length == 0) {
          throw new OtsFormatException("hexlify: empty message");
        }
        return HexFormat.of().formatHex(msg).getBytes(StandardCharsets.US_ASCII);
      }
      default -> throw new IllegalStateException(name());
    }
  }

  /** Hashes data of any length (a whole file); only for the hash operations. */
  public byte[] digest(byte[] data) {
    return switch (this) {
      case SHA1 -> jdk("SHA-1", data);
      case SHA256 -> jdk("SHA-256", data);
      case RIPEMD160 -> Ripemd160.digest(data);
      case KECCAK256 -> Keccak256.digest(data);
      case REVERSE, HEXLIFY -> throw new IllegalStateException(this + " is not a hash operation");
    };
  }

  @Override
  public void write(OtsWriter out) {
    out.writeByte(tag & 0xff);
  }

  private static byte[] jdk(String algorithm, byte[] msg) {
    try {
      return MessageDigest.getInstance(algorithm).digest(msg);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no " + algorithm, e);
    }
  }

  @Override
  public String toString() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
