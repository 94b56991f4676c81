package io.aurelius.core.chain.yuma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FixedTest {
  private static final BigInteger TWO_32 = BigInteger.ONE.shiftLeft(32);

  @Test
  void multiplicationTruncatesTowardZero() {
    long third = Fixed.div(Fixed.ONE, Fixed.ofInt(3));
    assertThat(third).isEqualTo(1431655765L); // floor(2^32 / 3)
    assertThat(Fixed.mul(Fixed.ofInt(3), third)).isEqualTo(Fixed.ONE - 1);
    assertThat(Fixed.mul(-Fixed.ofInt(3), third)).isEqualTo(-(Fixed.ONE - 1));
    assertThat(Fixed.mul(Fixed.ofInt(-2), Fixed.ofInt(-3))).isEqualTo(Fixed.ofInt(6));
  }

  @Test
  void productsAndQuotientsMatchBigIntegerArithmetic() {
    SplittableRandom random = new SplittableRandom(1);
    for (int k = 0; k < 20_000; k++) {
      long a = random.nextLong(1L << 62);
      long b = 1 + random.nextLong(1L << (1 + random.nextInt(62)));
      BigInteger quotient = BigInteger.valueOf(a).shiftLeft(32).divide(BigInteger.valueOf(b));
      long expectedDiv =
          quotient.bitLength() > 63 || quotient.shiftRight(32).longValue() >= (1L << 31)
              ? Long.MAX_VALUE
              : quotient.longValueExact();
      assertThat(Fixed.div(a, b)).as("%d / %d", a, b).isEqualTo(expectedDiv);

      long x = random.nextLong(1L << 40) - (1L << 39);
      long y = random.nextLong(1L << 40) - (1L << 39);
      BigInteger product = BigInteger.valueOf(x).multiply(BigInteger.valueOf(y));
      BigInteger truncated =
          product.abs().divide(TWO_32).multiply(BigInteger.valueOf(product.signum()));
      assertThat(Fixed.mul(x, y)).as("%d * %d", x, y).isEqualTo(truncated.longValueExact());
    }
  }

  @Test
  void saturatesInsteadOfWrapping() {
    long big = Fixed.ofInt(1L << 30);
    assertThat(Fixed.mul(big, big)).isEqualTo(Long.MAX_VALUE);
    assertThat(Fixed.mul(big, -big)).isEqualTo(Long.MIN_VALUE);
    assertThat(Fixed.add(Long.MAX_VALUE, 1)).isEqualTo(Long.MAX_VALUE);
    assertThat(Fixed.sub(Long.MIN_VALUE, 1)).isEqualTo(Long.MIN_VALUE);
    assertThat(Fixed.ofInt(1L << 31)).isEqualTo(Long.MAX_VALUE);
    assertThat(Fixed.div(Fixed.ofInt(1L << 30), 1)).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void divisionByZeroIsZeroAndNegativesAreRefused() {
    assertThat(Fixed.div(Fixed.ONE, 0)).isZero();
    assertThatThrownBy(() -> Fixed.div(-1, 5)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sharesAndProportionsOfAmountsAreFloored() {
    assertThat(Fixed.share(1, 3)).isEqualTo(1431655765L);
    assertThat(Fixed.share(7, 7)).isEqualTo(Fixed.ONE);
    assertThat(Fixed.share(1L << 52, (1L << 53) - 1))
        .isEqualTo(
            BigInteger.ONE
                .shiftLeft(52)
                .shiftLeft(32)
                .divide(BigInteger.ONE.shiftLeft(53).subtract(BigInteger.ONE))
                .longValueExact());
    assertThat(Fixed.ofAmount(Fixed.ONE / 2, 1_000_001)).isEqualTo(500_000);
    assertThat(Fixed.ofAmount(Fixed.ONE, 9_007_199_254_740_991L)).isEqualTo(9_007_199_254_740_991L);
    assertThat(Fixed.toDouble(Fixed.ONE / 4)).isEqualTo(0.25);
  }
}
