package io.aurelius.anchoring.ots;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A {@code .ots} file: magic, version 1, the hash op that digested the stamped file, the digest,
 * and the proof tree rooted at that digest. Reading is strict (limits, no trailing bytes); writing
 * is canonical, so a canonical file round-trips byte for byte.
 */
public record DetachedTimestamp(UnaryOp fileHashOp, Timestamp timestamp) {
  /** {@code 00 "OpenTimestamps" 00 00 "Proof" 00 bf89e2e884e89294}. */
  private static final byte[] MAGIC =
      HexFormat.of().parseHex("004f70656e54696d657374616d7073000050726f6f6600bf89e2e884e89294");

  private static final int VERSION = 1;
  public static final int MAX_FILE_BYTES = 1 << 20;

  public DetachedTimestamp {
    requireNonNull(fileHashOp, "fileHashOp");
    requireNonNull(timestamp, "timestamp");
    if (!fileHashOp.isHash()) {
      throw new IllegalArgumentException(
          "file hash op: " + fileHashOp + " (expected: a hash operation)");
    }
    if (timestamp.msg().length != fileHashOp.digestLength()) {
      throw new IllegalArgumentException(
          "file digest: "
              + timestamp.msg().length
              + " bytes (expected: "
              + fileHashOp.digestLength()
              + " for "
              + fileHashOp
              + ")");
    }
  }

  public byte[] fileDigest() {
    return timestamp.msg();
  }

  public static DetachedTimestamp read(byte[] bytes, String what) throws OtsFormatException {
    requireNonNull(bytes, "bytes");
    requireNonNull(what, "what");
    if (bytes.length > MAX_FILE_BYTES) {
      throw new OtsFormatException(
          what + ": " + bytes.length + " bytes (expected: at most " + MAX_FILE_BYTES + ")");
    }
    OtsReader in = new OtsReader(bytes, what);
    byte[] magic = in.readBytes(Math.min(MAGIC.length, bytes.length));
    if (!Arrays.equals(magic, MAGIC)) {
      throw new OtsFormatException(what + ": not an OpenTimestamps proof (bad magic bytes)");
    }
    long version = in.readVaruint();
    if (version != VERSION) {
      throw new OtsFormatException(
          what + ": unsupported major version " + version + " (expected: 1)");
    }
    int tag = in.readByte();
    UnaryOp op =
        UnaryOp.ofTag(tag)
            .filter(UnaryOp::isHash)
            .orElseThrow(
                () ->
                    new OtsFormatException(
                        what
                            + ": file hash op 0x"
                            + HexFormat.of().toHexDigits((byte) tag)
                            + " (expected: sha1 02, ripemd160 03, sha256 08 or keccak256 67)"));
    byte[] digest = in.readBytes(op.digestLength());
    Timestamp tree = Timestamp.read(in, digest, 0);
    in.assertEof();
    return new DetachedTimestamp(op, tree);
  }

  public byte[] toBytes() {
    OtsWriter out = new OtsWriter();
    out.writeBytes(MAGIC);
    out.writeVaruint(VERSION);
    fileHashOp.write(out);
    out.writeBytes(timestamp.msg());
    timestamp.write(out);
    return out.toByteArray();
  }
}
