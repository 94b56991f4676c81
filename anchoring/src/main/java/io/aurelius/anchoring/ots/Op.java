package io.aurelius.anchoring.ots;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;

/**
 * An edge of the timestamp tree: a function from one message to the next. Ordering (tag, then
 * argument bytes) is python-opentimestamps', which makes serialization canonical.
 */
public sealed interface Op permits UnaryOp, Op.Append, Op.Prepend {
  int MAX_MSG_LENGTH = 4096;
  int MAX_RESULT_LENGTH = 4096;

  Comparator<Op> ORDER =
      Comparator.<Op>comparingInt(op -> op.tag() & 0xff)
          .thenComparing((a, b) -> Arrays.compareUnsigned(argument(a), argument(b)));

  byte tag();

  /** Applies the op; a message or result outside the limits is an {@link OtsFormatException}. */
  byte[] apply(byte[] msg) throws OtsFormatException;

  void write(OtsWriter out);

  static byte[] argument(Op op) {
    if (op instanceof Append a) {
      return a.arg;
    }
    if (op instanceof Prepend p) {
      return p.arg;
    }
    return new byte[0];
  }

  static Op read(OtsReader in, int tag) throws OtsFormatException {
    switch (tag) {
      case 0xf0 -> {
        return new Append(in.readVarbytes(MAX_RESULT_LENGTH, 1, "append argument"));
      }
      case 0xf1 -> {
        return new Prepend(in.readVarbytes(MAX_RESULT_LENGTH, 1, "prepend argument"));
      }
      default -> {
        return UnaryOp.ofTag(tag)
            .orElseThrow(
                () ->
                    in.error("unknown operation tag 0x" + HexFormat.of().toHexDigits((byte) tag)));
      }
    }
  }

  /** {@code msg ‖ arg}. */
  record Append(byte[] arg) implements Op {
    public Append {
      arg = checkArg(arg);
    }

    @Override
    public byte[] arg() {
      return arg.clone();
    }

    @Override
    public byte tag() {
      return (byte) 0xf0;
    }

    @Override
    public byte[] apply(byte[] msg) throws OtsFormatException {
      checkMessage(msg, MAX_MSG_LENGTH, "append");
      byte[] out = Arrays.copyOf(msg, msg.length + arg.length);
      System.arraycopy(arg, 0, out, msg.length, arg.length);
      return checkResult(out, "append");
    }

    @Override
    public void write(OtsWriter out) {
      out.writeByte(0xf0);
      out.writeVarbytes(arg);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Append other && Arrays.equals(arg, other.arg);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(arg);
    }

    @Override
    public String toString() {
      return "append " + HexFormat.of().formatHex(arg);
    }
  }

  /** {@code arg ‖ msg}. */
  record Prepend(byte[] arg) implements Op {
    public Prepend {
      arg = checkArg(arg);
    }

    @Override
    public byte[] arg() {
      return arg.clone();
    }

    @Override
    public byte tag() {
      return (byte) 0xf1;
    }

    @Override
    public byte[] apply(byte[] msg) throws OtsFormatException {
      checkMessage(msg, MAX_MSG_LENGTH, "prepend");
      byte[] out = Arrays.copyOf(arg, arg.length + msg.length);
      System.arraycopy(msg, 0, out, arg.length, msg.length);
      return checkResult(out, "prepend");
    }

    @Override
    public void write(OtsWriter out) {
      out.writeByte(0xf1);
      out.writeVarbytes(arg);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Prepend other && Arrays.equals(arg, other.arg);
    }

    @Override
    public int hashCode() {
      return 31 + Arrays.hashCode(arg);
    }

    @Override
    public String toString() {
      return "prepend " + HexFormat.of().formatHex(arg);
    }
  }

  private static byte[] checkArg(byte[] arg) {
    requireNonNull(arg, "arg");
    if (arg.length == 0 || arg.length > MAX_RESULT_LENGTH) {
      throw new IllegalArgumentException(
          "operation argument: " + arg.length + " bytes (expected: 1.." + MAX_RESULT_LENGTH + ")");
    }
    return arg.clone();
  }

  static void checkMessage(byte[] msg, int max, String op) throws OtsFormatException {
    if (msg.length > max) {
      throw new OtsFormatException(
          op + ": message of " + msg.length + " bytes (expected: at most " + max + ")");
    }
  }

  static byte[] checkResult(byte[] result, String op) throws OtsFormatException {
    if (result.length > MAX_RESULT_LENGTH) {
      throw new OtsFormatException(
          op
              + ": result of "
              + result.length
              + " bytes (expected: at most "
              + MAX_RESULT_LENGTH
              + ")");
    }
    return result;
  }
}
