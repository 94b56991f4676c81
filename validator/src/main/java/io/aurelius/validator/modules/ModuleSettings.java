package io.aurelius.validator.modules;

/**
 * The settings of world-model trials, adoption and its reward, with their documented defaults: the
 * epoch trials run the {@code suite} ({@link SuiteSettings}); a module is adopted when validators
 * holding at least {@code quorumNumerator/quorumDenominator} of the stake sign a passing verdict in
 * {@code consecutiveEpochs} consecutive epochs (3/4 over 2, against 2/3 for corpus entries);
 * adopted modules' authors share {@code rewardShare} of the weights, each adoption's part decaying
 * linearly to zero over {@code decayEpochs}, of which a fork's parent's author gets {@code
 * parentShare}. Operators set them with {@code --module-quorum}, {@code --module-rounds}, {@code
 * --module-reward-share}, {@code --module-reward-decay}, {@code --module-parent-share} and the
 * {@code --module-suite*} settings; the messages of bad values name those settings.
 */
public record ModuleSettings(
    int quorumNumerator,
    int quorumDenominator,
    int consecutiveEpochs,
    double rewardShare,
    int decayEpochs,
    double parentShare,
    SuiteSettings suite) {
  public static final ModuleSettings DEFAULTS = new ModuleSettings(3, 4, 2, 0.10, 30, 0.25);

  /** These settings with the default suite. */
  public ModuleSettings(
      int quorumNumerator,
      int quorumDenominator,
      int consecutiveEpochs,
      double rewardShare,
      int decayEpochs,
      double parentShare) {
    this(
        quorumNumerator,
        quorumDenominator,
        consecutiveEpochs,
        rewardShare,
        decayEpochs,
        parentShare,
        SuiteSettings.DEFAULTS);
  }

  public ModuleSettings {
    java.util.Objects.requireNonNull(suite, "suite");
    check(
        quorumDenominator > 0 && quorumNumerator > 0 && quorumNumerator <= quorumDenominator,
        "module-quorum: "
            + quorumNumerator
            + "/"
            + quorumDenominator
            + " (expected: a fraction in (0, 1])");
    check(consecutiveEpochs >= 1, "module-rounds: " + consecutiveEpochs + " (expected: >= 1)");
    check(
        rewardShare >= 0 && rewardShare <= 1,
        "module-reward-share: " + rewardShare + " (expected: 0..1)");
    check(decayEpochs >= 1, "module-reward-decay: " + decayEpochs + " (expected: >= 1 epochs)");
    check(
        parentShare >= 0 && parentShare <= 1,
        "module-parent-share: " + parentShare + " (expected: 0..1)");
  }

  /** These settings with another epoch suite. */
  public ModuleSettings withSuite(SuiteSettings v) {
    return new ModuleSettings(
        quorumNumerator,
        quorumDenominator,
        consecutiveEpochs,
        rewardShare,
        decayEpochs,
        parentShare,
        v);
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
