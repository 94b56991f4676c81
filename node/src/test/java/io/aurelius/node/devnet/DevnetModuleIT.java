package io.aurelius.node.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.config.module.Adoption;
import io.aurelius.config.module.ModuleSet;
import io.aurelius.config.module.ShippedModules;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A module goes from a miner's library to adoption on the devnet: the first miner submits the
 * shipped {@code whisper}, both validators A/B it in each epoch, exchange their verdicts, and both
 * adopt it in the second epoch on the 3/4 quorum; the third epoch runs under world model 1, and the
 * summary prints the A/B tables and the adoption.
 */
class DevnetModuleIT {
  @TempDir Path work;

  /** How many of the validator's transcript files record {@code version}. */
  private static long transcriptsNaming(DevnetValidator v, String version) throws IOException {
    Path runs = v.service().worldModelRegistry().resolveSibling("runs");
    try (Stream<Path> files = Files.walk(runs)) {
      return files
          .filter(f -> f.toString().endsWith(".jsonl"))
          .filter(
              f -> {
                try {
                  return Files.readString(f).contains(version);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              })
          .count();
    }
  }

  /** Whether each of a validator's A/B tables ended in PASS, in epoch order. */
  private static List<Boolean> passes(DevnetValidator v) throws IOException {
    List<Boolean> out = new java.util.ArrayList<>();
    for (Path table : DevnetWorldModel.trials(v)) {
      out.add(Files.readString(table).lines().anyMatch(l -> l.startsWith("PASS (")));
    }
    return out;
  }

  /**
   * The devnet's own module goes from a miner's library through admission, A/B trials and signed
   * verdicts in both validators. Whether it is adopted is the trials' call, not the test's: the sim
   * model decides whether whisper helps. The test holds the rule: adopted exactly when both
   * validators passed it in two consecutive rounds (3/4 of stake needs both; rounds in epoch
   * order), and then the following epoch's configurations run under world model 1.
   */
  @Test
  void aSubmittedModuleIsTrialledByBothValidatorsAndAdoptedOnlyOnTwoPassingRounds()
      throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    DevnetSettings settings = DevnetSettings.defaults(work.resolve("devnet"));
    try (Devnet devnet = Devnet.start(settings, lines::add)) {
      DevnetWorldModel.submit(devnet, "whisper");
      devnet.runEpochs(3);

      String whisper = ShippedModules.load("whisper", ModuleSet.BASE).id().shortHex();
      List<Boolean> first = passes(devnet.validators().get(0));
      List<Boolean> second = passes(devnet.validators().get(1));
      assertThat(first)
          .as("validator-1 trialled it in at least two epochs " + lines)
          .hasSizeGreaterThanOrEqualTo(2);
      assertThat(second)
          .as("validator-2 trialled it in at least two epochs")
          .hasSizeGreaterThanOrEqualTo(2);
      boolean twoPassingRounds = false;
      boolean adoptedBeforeTheLastEpoch =
          first.get(0) && first.get(1) && second.get(0) && second.get(1);
      for (int i = 0; i + 1 < Math.min(first.size(), second.size()); i++) {
        twoPassingRounds |= first.get(i) && first.get(i + 1) && second.get(i) && second.get(i + 1);
      }
      for (DevnetValidator v : devnet.validators()) {
        List<Adoption> adopted = DevnetWorldModel.adoptions(v);
        assertThat(lines)
            .anyMatch(
                l ->
                    l.startsWith(v.name() + " epoch 1 admit")
                        && l.contains("1 of 1 modules admitted"));
        if (twoPassingRounds) {
          assertThat(adopted).as(v.name() + " " + lines).hasSize(1);
          assertThat(adopted.get(0).module().name()).isEqualTo("whisper");
          assertThat(adopted.get(0).version().number()).isEqualTo(1);
          if (adoptedBeforeTheLastEpoch) {
            assertThat(transcriptsNaming(v, adopted.get(0).version().toString()))
                .as("the third epoch's configurations ran under world model 1")
                .isPositive();
          }
        } else {
          assertThat(adopted)
              .as(v.name() + ": a module that failed a round is not adopted")
              .isEmpty();
          assertThat(lines)
              .anyMatch(l -> l.contains("module " + whisper + " (whisper) failed its trial"));
        }
      }

      StringWriter printed = new StringWriter();
      DevnetWorldModel.print(devnet, new PrintWriter(printed));
      assertThat(printed.toString()).contains("A/B trial epoch-", "95% interval");
      if (twoPassingRounds) {
        assertThat(printed.toString()).contains("adopted whisper " + whisper, "world model 1:");
      }
    }
  }
}
