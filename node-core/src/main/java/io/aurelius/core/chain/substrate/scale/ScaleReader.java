package io.aurelius.core.chain.substrate.scale;

import static java.util.Objects.requireNonNull;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Strict SCALE decoding of untrusted bytes. Every read checks the remaining input first, every
 * length prefix is checked against what is left (times the smallest encoding of one element) before
 * a list or array is allocated, compact integers must be canonical (parity-scale-codec refuses the
 * others too), and errors carry the path being decoded and the offset.
 */
public final class ScaleReader {
  private static final BigInteger TWO_30 = BigInteger.ONE.shiftLeft(30);

  private final byte[] input;
  private int offset;
  private final Deque<String> path = new ArrayDeque<>();

  private ScaleReader(byte[] input) {
    this.input = input;
  }

  /** A reader over a copy of the bytes, starting at offset 0 with path {@code $}. */
  public static ScaleReader of(byte[] input) {
    requireNonNull(input, "input");
    return new ScaleReader(input.clone());
  }

  public static ScaleReader of(Bytes input) {
    requireNonNull(input, "input");
    return new ScaleReader(input.toArray());
  }

  /** Decodes one item of a structure. */
  @FunctionalInterface
  public interface Decoder<T> {
    T decode(ScaleReader reader);
  }

  public int offset() {
    return offset;
  }

  public int remaining() {
    return input.length - offset;
  }

  /** The path being decoded, e.g. {@code $.pallets[3].storage}. */
  public String path() {
    StringBuilder sb = new StringBuilder("$");
    path.descendingIterator().forEachRemaining(sb::append);
    return sb.toString();
  }

  /**
   * Decodes under a path segment ({@code .name} or {@code [3]}), so errors inside name it. On an
   * error the reader is abandoned, so the segment need not be removed then.
   */
  public <T> T at(String segment, Decoder<T> decoder) {
    path.push(segment);
    T value = decoder.decode(this);
    path.pop();
    return value;
  }

  public ScaleDecodeException error(int at, String problem) {
    return new ScaleDecodeException(path(), at, problem);
  }

  /** Fails unless every byte was consumed. */
  public void expectEnd() {
    if (remaining() != 0) {
      throw error(offset, remaining() + " trailing bytes (expected: end of input)");
    }
  }

  private void need(int count, String what) {
    if (count > remaining()) {
      throw error(
          offset,
          "truncated " + what + ": " + remaining() + " bytes left (expected: " + count + " more)");
    }
  }

  public byte[] bytes(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count: " + count + " (expected: >= 0)");
    }
    need(count, "bytes");
    byte[] out = new byte[count];
    System.arraycopy(input, offset, out, 0, count);
    offset += count;
    return out;
  }

  public int u8() {
    need(1, "u8");
    return input[offset++] & 0xff;
  }

  public int u16() {
    need(2, "u16");
    return (int) le(2);
  }

  public long u32() {
    need(4, "u32");
    return le(4);
  }

  /** A u64 as a Java long: values of 2^63 and above come out negative (use {@link #uint}). */
  public long u64() {
    need(8, "u64");
    return le(8);
  }

  private long le(int count) {
    long v = 0;
    for (int i = 0; i < count; i++) {
      v |= (long) (input[offset + i] & 0xff) << (8 * i);
    }
    offset += count;
    return v;
  }

  /** An unsigned little-endian integer of {@code width} bytes (u8 .. u256). */
  public BigInteger uint(int width) {
    need(width, "u" + width * 8);
    return new BigInteger(1, reversed(bytes(width)));
  }

  /** A two's-complement little-endian integer of {@code width} bytes (i8 .. i256). */
  public BigInteger sint(int width) {
    need(width, "i" + width * 8);
    return new BigInteger(reversed(bytes(width)));
  }

  private static byte[] reversed(byte[] le) {
    byte[] be = new byte[le.length];
    for (int i = 0; i < le.length; i++) {
      be[i] = le[le.length - 1 - i];
    }
    return be;
  }

  public boolean bool() {
    int at = offset;
    int b = u8();
    return switch (b) {
      case 0 -> false;
      case 1 -> true;
      default -> throw error(at, "bool byte " + b + " (expected: 0 or 1)");
    };
  }

  /** A compact integer in any of the four modes; non-canonical encodings are refused. */
  public BigInteger compact() {
    int at = offset;
    need(1, "compact");
    int first = input[offset] & 0xff;
    switch (first & 3) {
      case 0:
        offset++;
        return BigInteger.valueOf(first >>> 2);
      case 1:
        {
          need(2, "compact");
          long v = le(2) >>> 2;
          if (v < 64) {
            throw error(at, "non-canonical compact " + v + " in two bytes (expected: >= 64)");
          }
          return BigInteger.valueOf(v);
        }
      case 2:
        {
          need(4, "compact");
          long v = le(4) >>> 2;
          if (v < (1 << 14)) {
            throw error(at, "non-canonical compact " + v + " in four bytes (expected: >= 2^14)");
          }
          return BigInteger.valueOf(v);
        }
      default:
        {
          int width = (first >>> 2) + 4;
          need(1 + width, "compact");
          offset++;
          BigInteger v = new BigInteger(1, reversed(bytes(width)));
          if (v.compareTo(TWO_30) < 0 || (width > 4 && input[offset - 1] == 0)) {
            throw error(
                at,
                "non-canonical compact "
                    + v
                    + " in "
                    + width
                    + " bytes (expected: >= 2^30 in the fewest bytes)");
          }
          return v;
        }
    }
  }

  /** A compact integer that must fit {@code 0..max}. */
  public long compactAtMost(long max, String what) {
    int at = offset;
    BigInteger v = compact();
    if (v.compareTo(BigInteger.valueOf(max)) > 0) {
      throw error(at, what + " " + v + " (expected: <= " + max + ")");
    }
    return v.longValue();
  }

  /** A compact u32, as used for type ids. */
  public int compactU32() {
    return (int) compactAtMost(0xffff_ffffL, "compact u32");
  }

  /**
   * A compact length prefix of items that take at least {@code minItemBytes} each, checked against
   * the remaining input before anything is allocated. Items of size zero count as one byte, so a
   * length is never larger than the input.
   */
  public int length(int minItemBytes) {
    int at = offset;
    BigInteger n = compact();
    long perItem = Math.max(1, minItemBytes);
    if (n.compareTo(BigInteger.valueOf(remaining() / perItem)) > 0) {
      throw error(
          at,
          "length "
              + n
              + " needs at least "
              + n.multiply(BigInteger.valueOf(perItem))
              + " bytes, "
              + remaining()
              + " left (expected: <= "
              + remaining() / perItem
              + ")");
    }
    return n.intValueExact();
  }

  /** {@code Vec<u8>}. */
  public byte[] byteVec() {
    return bytes(length(1));
  }

  /** A string: compact byte length, then UTF-8 (malformed UTF-8 is refused). */
  public String string() {
    int at = offset;
    byte[] raw = byteVec();
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(raw))
          .toString();
    } catch (CharacterCodingException e) {
      throw error(at, "string of " + raw.length + " bytes is not UTF-8 (expected: UTF-8)");
    }
  }

  /** An enum's variant index, which must be below {@code count}. */
  public int variant(int count, String enumName) {
    int at = offset;
    int index = u8();
    if (index >= count) {
      throw error(at, enumName + " variant " + index + " (expected: 0.." + (count - 1) + ")");
    }
    return index;
  }

  /** {@code Option<T>}: 0 none, 1 some (an {@code Option<bool>} is read the same way). */
  public <T> Optional<T> option(Decoder<T> decoder) {
    int at = offset;
    int tag = u8();
    return switch (tag) {
      case 0 -> Optional.empty();
      case 1 -> Optional.of(decoder.decode(this));
      default -> throw error(at, "option tag " + tag + " (expected: 0 or 1)");
    };
  }

  /** {@code Result<T, E>}: 0 ok, 1 err. */
  public <T, E> ScaleResult<T, E> result(Decoder<T> ok, Decoder<E> err) {
    int at = offset;
    int tag = u8();
    return switch (tag) {
      case 0 -> new ScaleResult.Ok<>(ok.decode(this));
      case 1 -> new ScaleResult.Err<>(err.decode(this));
      default -> throw error(at, "result tag " + tag + " (expected: 0 or 1)");
    };
  }

  /** {@code Vec<T>}, each item decoded under {@code [i]}. */
  public <T> List<T> vec(int minItemBytes, Decoder<T> decoder) {
    return array(length(minItemBytes), minItemBytes, decoder);
  }

  /** {@code [T; n]}: exactly {@code n} items, no length prefix. */
  public <T> List<T> array(int n, int minItemBytes, Decoder<T> decoder) {
    if ((long) n * Math.max(0, minItemBytes) > remaining()) {
      throw error(
          offset,
          "array of "
              + n
              + " needs at least "
              + (long) n * minItemBytes
              + " bytes, "
              + remaining()
              + " left");
    }
    List<T> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(at("[" + i + "]", decoder));
    }
    return List.copyOf(out);
  }
}
