package io.aurelius.node.cli.validator;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.config.catalogue.Catalogue;
import io.aurelius.config.module.ModuleSet;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.CommandRunner;
import io.aurelius.validator.modules.BenchmarkSuite;
import io.aurelius.validator.modules.ModuleSettings;
import io.aurelius.validator.modules.SuiteSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The world-model quorum, its rounds and the module authors' reward are operator settings: flag,
 * {@code AURELIUS_*} variable or YAML key; a bad value is one line, exit 2, and nothing is created.
 */
class ModuleOptionsTest {
  @TempDir Path work;

  private Map<String, String> env(String... pairs) {
    Map<String, String> env = new java.util.HashMap<>();
    env.put("AURELIUS_HOME", work.resolve("home").toString());
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return env;
  }

  private CommandRunner.Result run(Map<String, String> env, String... args) {
    return new CommandRunner(env, work).run(args);
  }

  /** The settings the command would run with, parsed from {@code args} alone. */
  private ModuleSettings parsed(String... args) {
    CliContext context =
        new CliContext(
            new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), env(), work);
    ValidatorRunCommand command = new ValidatorRunCommand(context);
    new CommandLine(command).parseArgs(args);
    return command.settings().modules();
  }

  @Test
  void theHelpNamesEachWithItsDefault() {
    CommandRunner.Result r = run(env(), "validator", "run", "--help");
    assertThat(r.exitCode()).isZero();
    String help = r.out().replaceAll("\\s+", " ");
    assertThat(help)
        .contains("--module-quorum=FRACTION", "(default: 3/4)")
        .contains("--module-rounds=N", "--module-reward-share=SHARE", "(default: 0.10)")
        .contains("--module-reward-decay=EPOCHS", "(default: 30)")
        .contains("--module-parent-share=SHARE", "(default: 0.25)");
  }

  @Test
  void theDefaultsAreTheDocumentedOnes() {
    assertThat(parsed("--home", work.resolve("home").toString()))
        .isEqualTo(ModuleSettings.DEFAULTS)
        .isEqualTo(new ModuleSettings(3, 4, 2, 0.10, 30, 0.25));
  }

  @Test
  void eachFlagReachesTheValidatorsSettings() {
    assertThat(
            parsed(
                "--home",
                work.resolve("home").toString(),
                "--module-quorum",
                "0.8",
                "--module-rounds",
                "3",
                "--module-reward-share",
                "0",
                "--module-reward-decay",
                "10",
                "--module-parent-share",
                "0.5"))
        .isEqualTo(new ModuleSettings(4, 5, 3, 0.0, 10, 0.5));
    assertThat(parsed("--home", work.toString(), "--module-quorum", "1"))
        .satisfies(s -> assertThat(s.quorumNumerator()).isEqualTo(s.quorumDenominator()));
    assertThat(parsed("--home", work.toString(), "--quorum", "3/4", "--module-quorum", "75%"))
        .as("equal to the corpus quorum is allowed")
        .extracting(ModuleSettings::quorumNumerator, ModuleSettings::quorumDenominator)
        .containsExactly(3, 4);
  }

  @Test
  void badValuesAreOneLineAndExitTwoBeforeAnythingStarts() {
    String[][] cases = {
      {
        "--module-quorum",
        "0.6",
        "--module-quorum: 0.6 is below the corpus quorum 2/3 (expected: at least --quorum"
      },
      {"--module-quorum", "0", "--module-quorum: '0' (expected: a fraction in (0, 1]"},
      {"--module-quorum", "1.5", "--module-quorum: '1.5' (expected: a fraction in (0, 1]"},
      {"--module-quorum", "abc", "--module-quorum: 'abc' (expected: a fraction in (0, 1]"},
      {"--module-quorum", "-1", "--module-quorum: '-1' (expected: a fraction in (0, 1]"},
      {"--module-rounds", "0", "--module-rounds: 0 (expected: >= 1)"},
      {"--module-rounds", "-1", "--module-rounds: -1 (expected: >= 1)"},
      {"--module-rounds", "abc", "--module-rounds"},
      {"--module-reward-share", "1.5", "--module-reward-share: 1.5 (expected: 0..1)"},
      {"--module-reward-share", "-1", "--module-reward-share: -1.0 (expected: 0..1)"},
      {"--module-reward-share", "abc", "--module-reward-share"},
      {"--module-reward-decay", "0", "--module-reward-decay: 0 (expected: >= 1 epochs)"},
      {"--module-reward-decay", "-1", "--module-reward-decay: -1 (expected: >= 1 epochs)"},
      {"--module-reward-decay", "abc", "--module-reward-decay"},
      {"--module-parent-share", "1.5", "--module-parent-share: 1.5 (expected: 0..1)"},
      {"--module-parent-share", "-1", "--module-parent-share: -1.0 (expected: 0..1)"},
      {"--module-parent-share", "abc", "--module-parent-share"},
    };
    assertEachFlagRefusedInOneLine(cases);
  }

  @Test
  void aHigherCorpusQuorumRaisesTheModuleQuorumsFloor() {
    CommandRunner.Result r =
        run(
            env(),
            "validator",
            "run",
            "--hotkey",
            "v",
            "--quorum",
            "0.8",
            "--module-quorum",
            "3/4");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--module-quorum: 3/4 is below the corpus quorum 4/5");
  }

  @Test
  void eachComesFromTheEnvironmentAndTheConfigFileTooAndTheFlagWins() throws Exception {
    String[][] cases = {
      {"module-quorum", "0.5", "--module-quorum: 0.5 is below the corpus quorum 2/3"},
      {"module-rounds", "0", "--module-rounds: 0 (expected: >= 1)"},
      {"module-reward-share", "2", "--module-reward-share: 2.0 (expected: 0..1)"},
      {"module-reward-decay", "0", "--module-reward-decay: 0 (expected: >= 1 epochs)"},
      {"module-parent-share", "2", "--module-parent-share: 2.0 (expected: 0..1)"},
    };
    assertEachRefusedFromEnvironmentAndFile(cases);
    CommandRunner.Result flagWins =
        run(
            env("AURELIUS_MODULE_ROUNDS", "0"),
            "validator",
            "run",
            "--hotkey",
            "v",
            "--module-rounds",
            "3",
            "--module-reward-decay",
            "0");
    assertThat(flagWins.err())
        .as("the flag overrides the environment")
        .contains("--module-reward-decay: 0")
        .doesNotContain("--module-rounds");
    assertThat(Files.exists(work.resolve("home").resolve("validator"))).isFalse();
  }

  /** The suite settings the command would run with, parsed from {@code args} alone. */
  private SuiteSettings suite(String... args) {
    return parsed(args).suite();
  }

  @Test
  void theHelpNamesTheSuiteSettingsWithTheirDefaults() {
    CommandRunner.Result r = run(env(), "validator", "run", "--help");
    assertThat(r.exitCode()).isZero();
    String help = r.out().replaceAll("\\s+", " ");
    assertThat(help)
        .contains("--module-suite=NAME[,NAME...]", "(default: the whole catalogue)")
        .contains("--module-suite-sample=N", "0..50 (default: 2)")
        .contains("--module-suite-seeds=N", "1..20 (default: 3)");
  }

  @Test
  void theSuiteDefaultsToTheWholeCatalogueTwoSampledAndThreeSeeds() {
    SuiteSettings s = suite("--home", work.resolve("home").toString());
    assertThat(s).isEqualTo(SuiteSettings.DEFAULTS);
    assertThat(s.scenarios()).isEqualTo(Catalogue.names());
    assertThat(s.sample()).isEqualTo(2);
    assertThat(s.seedList()).containsExactly(1L, 2L, 3L);
  }

  @Test
  void theSuiteFlagsReachTheSuiteTheValidatorRuns() {
    SuiteSettings s =
        suite(
            "--home",
            work.resolve("home").toString(),
            "--module-suite",
            "valley_road_coalition, keel_sale_trust",
            "--module-suite-sample",
            "0",
            "--module-suite-seeds",
            "2");
    assertThat(s)
        .isEqualTo(new SuiteSettings(List.of("valley_road_coalition", "keel_sale_trust"), 0, 2));
    BenchmarkSuite bench = BenchmarkSuite.epoch(List.of(), ModuleSet.BASE, s);
    assertThat(bench.configurations())
        .isEqualTo(
            BenchmarkSuite.catalogue(
                    List.of("valley_road_coalition", "keel_sale_trust"), List.of(1L))
                .configurations());
    assertThat(bench.seeds()).containsExactly(1L, 2L);
    assertThat(
            suite(
                    "--home",
                    work.toString(),
                    "--module-suite=oyster_reef_commons",
                    "--module-suite=keel_sale_trust",
                    "--module-suite-sample=50",
                    "--module-suite-seeds=20")
                .scenarios())
        .as("repeated, as well as comma separated")
        .containsExactly("oyster_reef_commons", "keel_sale_trust");
  }

  @Test
  void badSuiteValuesAreOneLineAndExitTwoBeforeAnythingStarts() {
    String[][] cases = {
      {"--module-suite", "nowhere", "--module-suite: no catalogue scenario 'nowhere' (expected:"},
      {
        "--module-suite",
        "keel_sale_trust,nowhere",
        "--module-suite: no catalogue scenario 'nowhere' (expected: some of oyster_reef_commons,"
      },
      {
        "--module-suite",
        "keel_sale_trust,keel_sale_trust",
        "--module-suite: 'keel_sale_trust' named twice (expected: each scenario once)"
      },
      {"--module-suite-sample", "51", "--module-suite-sample: 51 (expected: 0..50)"},
      {"--module-suite-sample", "-1", "--module-suite-sample: -1 (expected: 0..50)"},
      {"--module-suite-sample", "abc", "--module-suite-sample"},
      {"--module-suite-seeds", "0", "--module-suite-seeds: 0 (expected: 1..20)"},
      {"--module-suite-seeds", "21", "--module-suite-seeds: 21 (expected: 1..20)"},
      {"--module-suite-seeds", "abc", "--module-suite-seeds"},
    };
    assertEachFlagRefusedInOneLine(cases);
  }

  @Test
  void theSuiteSettingsComeFromTheEnvironmentAndTheConfigFileTooAndTheFlagWins() throws Exception {
    String[][] cases = {
      {
        "module-suite", "keel_sale_trust,nowhere", "--module-suite: no catalogue scenario 'nowhere'"
      },
      {"module-suite-sample", "51", "--module-suite-sample: 51 (expected: 0..50)"},
      {"module-suite-seeds", "0", "--module-suite-seeds: 0 (expected: 1..20)"},
    };
    assertEachRefusedFromEnvironmentAndFile(cases);
    Path list = work.resolve("suite.yaml");
    Files.writeString(list, "module-suite:\n  - keel_sale_trust\n  - nowhere\n");
    CommandRunner.Result yamlList =
        run(env(), "--config-file", list.toString(), "validator", "run", "--hotkey", "v");
    assertThat(yamlList.exitCode()).as("a YAML list").isEqualTo(2);
    assertThat(yamlList.err()).contains("--module-suite: no catalogue scenario 'nowhere'");

    CommandRunner.Result flagWins =
        run(
            env("AURELIUS_MODULE_SUITE", "nowhere", "AURELIUS_MODULE_SUITE_SEEDS", "0"),
            "validator",
            "run",
            "--hotkey",
            "v",
            "--module-suite",
            "keel_sale_trust",
            "--module-suite-seeds",
            "3",
            "--module-suite-sample",
            "99");
    assertThat(flagWins.err())
        .as("the flags override the environment")
        .contains("--module-suite-sample: 99")
        .doesNotContain("nowhere")
        .doesNotContain("--module-suite-seeds");
    assertThat(Files.exists(work.resolve("home").resolve("validator"))).isFalse();
  }

  /** Each {@code {flag, value, message}} makes {@code validator run} one line, exit 2, no home. */
  private void assertEachFlagRefusedInOneLine(String[][] cases) {
    for (String[] c : cases) {
      CommandRunner.Result r = run(env(), "validator", "run", "--hotkey", "v", c[0], c[1]);
      String label = c[0] + " " + c[1];
      assertThat(r.exitCode()).as(label).isEqualTo(2);
      assertThat(r.err()).as(label).contains(c[2]);
      assertThat(r.err().strip().lines()).as(label).hasSize(1);
    }
    assertThat(Files.exists(work.resolve("home").resolve("validator"))).isFalse();
  }

  /**
   * Each {@code {key, value, message}}, given as its {@code AURELIUS_*} variable and then as its
   * YAML key, is one line naming where it came from, exit 2.
   */
  private void assertEachRefusedFromEnvironmentAndFile(String[][] cases) throws Exception {
    for (String[] c : cases) {
      String variable = "AURELIUS_" + c[0].toUpperCase(java.util.Locale.ROOT).replace('-', '_');
      CommandRunner.Result fromEnv = run(env(variable, c[1]), "validator", "run", "--hotkey", "v");
      assertThat(fromEnv.exitCode()).as(variable).isEqualTo(2);
      assertThat(fromEnv.err()).as(variable).contains(c[2]).contains(variable);
      assertThat(fromEnv.err().strip().lines()).as(variable).hasSize(1);

      Path file = work.resolve(c[0] + ".yaml");
      Files.writeString(file, c[0] + ": " + c[1] + "\n");
      CommandRunner.Result fromFile =
          run(env(), "--config-file", file.toString(), "validator", "run", "--hotkey", "v");
      assertThat(fromFile.exitCode()).as(c[0] + ":").isEqualTo(2);
      assertThat(fromFile.err()).as(c[0] + ":").contains(c[2]).contains(file.toString());
      assertThat(fromFile.err().strip().lines()).as(c[0] + ":").hasSize(1);
    }
  }
}
