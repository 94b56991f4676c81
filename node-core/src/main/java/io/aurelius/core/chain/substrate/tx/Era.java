package io.aurelius.core.chain.substrate.tx;

import io.aurelius.core.chain.substrate.value.Value;
import java.util.List;
import java.util.Optional;

/**
 * A transaction's validity window ({@code sp_runtime::generic::Era}): immortal, or mortal for
 * {@code period} blocks from the block it was built at, as Substrate computes and encodes it.
 */
public sealed interface Era {
  /** The SCALE value of the metadata's {@code Era} enum ({@code Immortal}, {@code MortalN(u8)}). */
  Value value();

  /** The encoded bytes: one zero byte, or two bytes for a mortal era. */
  byte[] encoded();

  /** The block whose hash the signature commits to (the genesis block for immortal). */
  long birth(long current);

  Era IMMORTAL = new Immortal();

  /**
   * A mortal era of about {@code period} blocks (rounded up to a power of two, 4..65536) starting
   * at {@code current}, quantized as Substrate's {@code Era::mortal}.
   */
  static Era mortal(long period, long current) {
    if (period < 1 || current < 0) {
      throw new IllegalArgumentException(
          "era: period " + period + ", block " + current + " (expected: period >= 1, block >= 0)");
    }
    long p = Long.highestOneBit(period) == period ? period : Long.highestOneBit(period) << 1;
    p = Math.max(4, Math.min(1L << 16, p));
    long phase = current % p;
    long quantize = Math.max(p >> 12, 1);
    return new Mortal(p, phase / quantize * quantize);
  }

  record Immortal() implements Era {
    @Override
    public Value value() {
      return new Value.Variant("Immortal", 0, List.of());
    }

    @Override
    public byte[] encoded() {
      return new byte[] {0};
    }

    @Override
    public long birth(long current) {
      return 0;
    }
  }

  /** {@code period} a power of two in 4..65536; {@code phase} below it, quantized. */
  record Mortal(long period, long phase) implements Era {
    public Mortal {
      if (period < 4
          || period > 1 << 16
          || Long.bitCount(period) != 1
          || phase < 0
          || phase >= period) {
        throw new IllegalArgumentException(
            "mortal era: period "
                + period
                + ", phase "
                + phase
                + " (expected: a power of two period in 4..65536, phase below it)");
      }
    }

    @Override
    public byte[] encoded() {
      long quantize = Math.max(period >> 12, 1);
      int low = (int) Math.max(1, Math.min(15, Long.numberOfTrailingZeros(period) - 1));
      int encoded = low | (int) ((phase / quantize) << 4);
      return new byte[] {(byte) encoded, (byte) (encoded >>> 8)};
    }

    @Override
    public Value value() {
      byte[] e = encoded();
      int first = e[0] & 0xff;
      return new Value.Variant(
          "Mortal" + first,
          first,
          List.of(new Value.NamedValue(Optional.empty(), Value.of(e[1] & 0xff))));
    }

    @Override
    public long birth(long current) {
      return (Math.max(current, phase) - phase) / period * period + phase;
    }
  }
}
