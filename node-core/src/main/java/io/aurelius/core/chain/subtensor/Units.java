package io.aurelius.core.chain.subtensor;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Conversions of Subtensor's stored numbers, as the Bittensor SDK makes them. */
public final class Units {
  public static final long RAO_PER_TAO = 1_000_000_000L;
  private static final double U16_MAX = 65535.0;

  private Units() {}

  /** A u16 fraction (PerU16): 65535 is 1.0. */
  public static double u16Fraction(long raw) {
    return raw / U16_MAX;
  }

  /** Rao as TAO (or a subnet's alpha), exact to the rao. */
  public static BigDecimal tao(long rao) {
    return BigDecimal.valueOf(rao)
        .divide(BigDecimal.valueOf(RAO_PER_TAO), 9, RoundingMode.UNNECESSARY);
  }
}
