package io.aurelius.validator.consensus;

/**
 * The share of validator stake whose approval admits an aene into the corpus, as an exact fraction
 * (default 2/3): approved when {@code approving · den ≥ total · num}.
 */
public record Quorum(long numerator, long denominator) {
  public static final Quorum TWO_THIRDS = new Quorum(2, 3);

  public Quorum {
    if (denominator < 1 || numerator < 1 || numerator > denominator || denominator > 1_000_000) {
      throw new IllegalArgumentException(
          "quorum: "
              + numerator
              + "/"
              + denominator
              + " (expected: a fraction in (0, 1], e.g. 2/3)");
    }
  }

  /** Parses {@code 2/3}, {@code 0.67} or {@code 67%}. */
  public static Quorum parse(String text) {
    String t = text.strip();
    try {
      if (t.contains("/")) {
        String[] parts = t.split("/", 2);
        return new Quorum(Long.parseLong(parts[0].strip()), Long.parseLong(parts[1].strip()));
      }
      double value =
          t.endsWith("%")
              ? Double.parseDouble(t.substring(0, t.length() - 1)) / 100
              : Double.parseDouble(t);
      return new Quorum(Math.round(value * 10_000), 10_000);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "quorum: '" + t + "' (expected: a fraction like 2/3, 0.67 or 67%)");
    }
  }

  public boolean reached(long approving, long total) {
    return reached(java.math.BigInteger.valueOf(approving), java.math.BigInteger.valueOf(total));
  }

  public boolean reached(java.math.BigInteger approving, java.math.BigInteger total) {
    return total.signum() > 0
        && approving
                .multiply(java.math.BigInteger.valueOf(denominator))
                .compareTo(total.multiply(java.math.BigInteger.valueOf(numerator)))
            >= 0;
  }

  @Override
  public String toString() {
    return numerator + "/" + denominator;
  }
}
