package io.aurelius.config.cel;

/**
 * Bounds on one CEL expression, enforced when it is compiled (and, for comprehension iterations and
 * patterns that are not literals, when it runs). cel-java has no runtime cost limit; these bounds
 * together with the world model's per-step time budget keep evaluation cheap.
 */
public record CelLimits(
    int maxSourceChars,
    int maxNesting,
    int maxNodes,
    int maxComprehensionNesting,
    int maxComprehensionIterations,
    int maxRegexProgramSize,
    int maxRegexChars) {
  /** The limits documented in {@code docs/config-format.md}. */
  public static final CelLimits DEFAULT = new CelLimits(2_000, 32, 500, 2, 1_000, 200, 256);

  public CelLimits {
    positive(maxSourceChars, "maxSourceChars");
    positive(maxNesting, "maxNesting");
    positive(maxNodes, "maxNodes");
    positive(maxComprehensionNesting, "maxComprehensionNesting");
    positive(maxComprehensionIterations, "maxComprehensionIterations");
    positive(maxRegexProgramSize, "maxRegexProgramSize");
    positive(maxRegexChars, "maxRegexChars");
  }

  private static void positive(int value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + ": " + value + " (expected: >= 1)");
    }
  }
}
