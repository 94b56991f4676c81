package io.aurelius.anchoring.note;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A fraction of total stake, exact: {@code numerator/denominator} in (0, 1]. Parsed from {@code
 * "2/3"}, {@code "0.67"} or {@code "67%"}.
 */
public record StakeThreshold(BigInteger numerator, BigInteger denominator) {
  public static final StakeThreshold TWO_THIRDS =
      new StakeThreshold(BigInteger.TWO, BigInteger.valueOf(3));

  public StakeThreshold {
    requireNonNull(numerator, "numerator");
    requireNonNull(denominator, "denominator");
    if (numerator.signum() <= 0
        || denominator.signum() <= 0
        || numerator.compareTo(denominator) > 0) {
      throw new IllegalArgumentException(
          "stake threshold: " + numerator + "/" + denominator + " (expected: in (0, 1])");
    }
  }

  public static StakeThreshold parse(String text) {
    requireNonNull(text, "text");
    String t = text.trim();
    try {
      if (t.contains("/")) {
        String[] parts = t.split("/", -1);
        if (parts.length == 2) {
          return new StakeThreshold(
              new BigInteger(parts[0].trim()), new BigInteger(parts[1].trim()));
        }
      } else if (t.endsWith("%")) {
        return fromDecimal(
            new BigDecimal(t.substring(0, t.length() - 1).trim()).movePointLeft(2), text);
      } else if (!t.isEmpty()) {
        return fromDecimal(new BigDecimal(t), text);
      }
    } catch (NumberFormatException e) {
      // fall through to the one error below
    }
    throw new IllegalArgumentException(
        "stake threshold: '" + text + "' (expected: a fraction such as 2/3, 0.67 or 67%)");
  }

  private static StakeThreshold fromDecimal(BigDecimal d, String text) {
    if (d.signum() <= 0 || d.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException("stake threshold: '" + text + "' (expected: in (0, 1])");
    }
    BigDecimal stripped = d.stripTrailingZeros();
    int scale = Math.max(0, stripped.scale());
    return new StakeThreshold(
        stripped.movePointRight(scale).toBigIntegerExact(), BigInteger.TEN.pow(scale));
  }

  /** True iff {@code part / total ≥ numerator / denominator}. */
  public boolean isMetBy(BigInteger part, BigInteger total) {
    return total.signum() > 0
        && part.multiply(denominator).compareTo(numerator.multiply(total)) >= 0;
  }

  @Override
  public String toString() {
    return numerator + "/" + denominator;
  }
}
