package io.aurelius.core.chain.yuma;

import java.math.BigInteger;

/**
 * I32F32 fixed-point arithmetic on a {@code long}: the raw value is the number times 2^32, as in
 * subtensor's {@code substrate_fixed::types::I32F32}. Every operation is exact integer arithmetic,
 * so an epoch gives bit-identical results on every JVM and machine.
 *
 * <p>Rounding, stated once: additions and subtractions are exact and saturate at the I32F32 range;
 * a product is truncated toward zero (so interpolating between two non-negative values never leaves
 * the interval between them); a quotient is floored, and only non-negative operands are ever
 * divided. Division by zero yields zero, like subtensor's {@code safe_div}. A fixed value below
 * 2^21 converts to {@code double} exactly, so every proportion Yuma produces (all lie in [0, 1])
 * can be shown or serialized as a double without loss.
 */
public final class Fixed {
  public static final int FRACTION_BITS = 32;
  public static final long ONE = 1L << FRACTION_BITS;
  public static final long ZERO = 0L;
  static final long MAX = Long.MAX_VALUE;
  static final long MIN = Long.MIN_VALUE;

  private Fixed() {}

  /** The fixed value of an integer; saturates outside [-2^31, 2^31). */
  public static long ofInt(long value) {
    if (value >= (1L << 31)) {
      return MAX;
    }
    if (value < -(1L << 31)) {
      return MIN;
    }
    return value << FRACTION_BITS;
  }

  /** A value as a double. Values below 2^21 convert exactly; larger ones round to nearest. */
  public static double toDouble(long raw) {
    return raw / (double) ONE;
  }

  /** The nearest fixed value to a double, for tests and display only (never in consensus). */
  public static long fromDouble(double value) {
    return Math.round(value * ONE);
  }

  public static long add(long a, long b) {
    long r = a + b;
    if (((a ^ r) & (b ^ r)) < 0) {
      return a < 0 ? MIN : MAX;
    }
    return r;
  }

  public static long sub(long a, long b) {
    long r = a - b;
    if (((a ^ b) & (a ^ r)) < 0) {
      return a < 0 ? MIN : MAX;
    }
    return r;
  }

  /** The product, truncated toward zero, saturating. */
  public static long mul(long a, long b) {
    boolean negative = (a < 0) != (b < 0) && a != 0 && b != 0;
    long x = a == MIN ? MAX : Math.abs(a);
    long y = b == MIN ? MAX : Math.abs(b);
    long hi = Math.multiplyHigh(x, y);
    long lo = x * y;
    if (hi >= (1L << 31)) {
      return negative ? MIN : MAX;
    }
    long magnitude = (hi << FRACTION_BITS) | (lo >>> FRACTION_BITS);
    if (magnitude < 0) {
      return negative ? MIN : MAX;
    }
    return negative ? -magnitude : magnitude;
  }

  /**
   * floor(a / b) for a ≥ 0 and b ≥ 0; zero when b is zero; saturates when the quotient does not
   * fit. Negative operands are a programming error.
   */
  public static long div(long a, long b) {
    if (a < 0 || b < 0) {
      throw new IllegalArgumentException("fixed division of a negative value: " + a + " / " + b);
    }
    if (b == 0) {
      return 0;
    }
    long whole = a / b;
    if (whole >= (1L << 31)) {
      return MAX;
    }
    return (whole << FRACTION_BITS) | fraction(a % b, b);
  }

  /** floor(amount · 2^32 / total) for 0 ≤ amount ≤ total: the fixed share of an integer amount. */
  public static long share(long amount, long total) {
    if (amount < 0 || total <= 0 || amount > total) {
      throw new IllegalArgumentException("share " + amount + " of " + total);
    }
    return amount == total ? ONE : fraction(amount, total);
  }

  /**
   * floor(raw · amount / 2^32) for raw ≥ 0 and amount ≥ 0: a fixed proportion of an integer amount,
   * as subtensor's {@code I96F32::saturating_to_num::<u64>()}. Saturates at {@code Long.MAX_VALUE}.
   */
  public static long ofAmount(long raw, long amount) {
    if (raw < 0 || amount < 0) {
      throw new IllegalArgumentException("proportion " + raw + " of " + amount);
    }
    long hi = Math.multiplyHigh(raw, amount);
    long lo = raw * amount;
    if (hi >= (1L << 31)) {
      return MAX;
    }
    long result = (hi << FRACTION_BITS) | (lo >>> FRACTION_BITS);
    return result < 0 ? MAX : result;
  }

  /** floor(r · 2^32 / b) for 0 ≤ r < b: long division in chunks that cannot overflow. */
  private static long fraction(long r, long b) {
    int shift = Long.numberOfLeadingZeros(b) - 1;
    if (shift <= 0) {
      return BigInteger.valueOf(r)
          .shiftLeft(FRACTION_BITS)
          .divide(BigInteger.valueOf(b))
          .longValueExact();
    }
    long q = 0;
    int remaining = FRACTION_BITS;
    while (remaining > 0) {
      int s = Math.min(shift, remaining);
      r <<= s;
      q = (q << s) | (r / b);
      r %= b;
      remaining -= s;
    }
    return q;
  }
}
