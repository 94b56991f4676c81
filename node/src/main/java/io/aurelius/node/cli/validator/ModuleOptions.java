package io.aurelius.node.cli.validator;

import io.aurelius.validator.consensus.Quorum;
import io.aurelius.validator.modules.ModuleSettings;
import io.aurelius.validator.modules.SuiteSettings;
import java.math.BigInteger;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * World-model adoption and its reward: {@code --module-quorum}, {@code --module-rounds}, {@code
 * --module-reward-share}, {@code --module-reward-decay} and {@code --module-parent-share}; and the
 * suite the epoch trials run: {@code --module-suite}, {@code --module-suite-sample} and {@code
 * --module-suite-seeds}. A picocli mixin; validators of a subnet must set the same values, as they
 * must {@code --quorum}.
 */
public final class ModuleOptions {
  @Option(
      names = "--module-quorum",
      paramLabel = "FRACTION",
      defaultValue = "3/4",
      description =
          "Share of validator stake whose passing verdicts adopt a module, in each of"
              + " --module-rounds consecutive epochs; at least --quorum (default: ${DEFAULT-VALUE}).")
  String quorum;

  @Option(
      names = "--module-rounds",
      paramLabel = "N",
      defaultValue = "2",
      description =
          "Consecutive epochs a module must reach --module-quorum in to be adopted (default:"
              + " ${DEFAULT-VALUE}).")
  int rounds;

  @Option(
      names = "--module-reward-share",
      paramLabel = "SHARE",
      defaultValue = "0.10",
      description =
          "Share of the weights paid to the authors of adopted modules (default: ${DEFAULT-VALUE}).")
  double rewardShare;

  @Option(
      names = "--module-reward-decay",
      paramLabel = "EPOCHS",
      defaultValue = "30",
      description =
          "Epochs over which an adoption's part of the reward decays to nothing (default:"
              + " ${DEFAULT-VALUE}).")
  int rewardDecay;

  @Option(
      names = "--module-parent-share",
      paramLabel = "SHARE",
      defaultValue = "0.25",
      description =
          "Share of a fork's reward paid to its parent module's author (default:"
              + " ${DEFAULT-VALUE}).")
  double parentShare;

  @Option(
      names = "--module-suite",
      paramLabel = "NAME",
      split = ",",
      description =
          "Catalogue scenarios of the epoch trials' suite, comma separated (default: the whole"
              + " catalogue).")
  List<String> suite;

  @Option(
      names = "--module-suite-sample",
      paramLabel = "N",
      defaultValue = "2",
      description =
          "Accepted configurations the epoch trials' suite samples beside its scenarios, 0..50"
              + " (default: ${DEFAULT-VALUE}).")
  int suiteSample;

  @Option(
      names = "--module-suite-seeds",
      paramLabel = "N",
      defaultValue = "3",
      description = "Seeds 1..N of the epoch trials, 1..20 (default: ${DEFAULT-VALUE}).")
  int suiteSeeds;

  /**
   * The settings, the module quorum no lower than {@code corpus}: a world-model change is a higher
   * bar than a corpus entry.
   *
   * @throws IllegalArgumentException naming the setting (without its dashes)
   */
  ModuleSettings settings(Quorum corpus) {
    Quorum q = lowest(parse(quorum));
    if (q.numerator() * corpus.denominator() < corpus.numerator() * q.denominator()) {
      throw new IllegalArgumentException(
          "module-quorum: "
              + quorum.strip()
              + " is below the corpus quorum "
              + lowest(corpus)
              + " (expected: at least --quorum, a higher bar)");
    }
    return new ModuleSettings(
        Math.toIntExact(q.numerator()),
        Math.toIntExact(q.denominator()),
        rounds,
        rewardShare,
        rewardDecay,
        parentShare,
        new SuiteSettings(
            suite == null || suite.isEmpty()
                ? SuiteSettings.DEFAULTS.scenarios()
                : suite.stream().map(String::strip).toList(),
            suiteSample,
            suiteSeeds));
  }

  /** 0.75, parsed as 7500/10000, as 3/4. */
  private static Quorum lowest(Quorum q) {
    long gcd =
        BigInteger.valueOf(q.numerator()).gcd(BigInteger.valueOf(q.denominator())).longValue();
    return new Quorum(q.numerator() / gcd, q.denominator() / gcd);
  }

  private static Quorum parse(String text) {
    try {
      return Quorum.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "module-quorum: '"
              + text.strip()
              + "' (expected: a fraction in (0, 1] like 3/4, 0.75 or 75%)",
          e);
    }
  }
}
