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

  @Test
  void aSubmittedModuleIsTrialledAndAdoptedByBothValidators() throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    DevnetSettings settings = DevnetSettings.defaults(work.resolve("devnet"));
    try (Devnet devnet = Devnet.start(settings, lines::add)) {
      DevnetWorldModel.submit(devnet, "whisper");
      devnet.runEpochs(3);

      String whisper = ShippedModules.load("whisper", ModuleSet.BASE).id().shortHex();
      for (DevnetValidator v : devnet.validators()) {
        List<Adoption> adopted = DevnetWorldModel.adoptions(v);
        assertThat(adopted).as(v.name() + " " + lines).hasSize(1);
        assertThat(adopted.get(0).module().name()).isEqualTo("whisper");
        assertThat(adopted.get(0).version().number()).isEqualTo(1);
        assertThat(DevnetWorldModel.trials(v)).hasSizeGreaterThanOrEqualTo(2);
        assertThat(transcriptsNaming(v, adopted.get(0).version().toString()))
            .as("the third epoch's configurations ran under world model 1")
            .isPositive();
      }
      assertThat(lines).anyMatch(l -> l.contains("module " + whisper + " adopted by 2 validators"));
      assertThat(lines).anyMatch(l -> l.contains("0 of 1 modules admitted"));

      StringWriter printed = new StringWriter();
      DevnetWorldModel.print(devnet, new PrintWriter(printed));
      assertThat(printed.toString())
          .contains(
              "A/B trial epoch-", "95% interval", "adopted whisper " + whisper, "world model 1:");
    }
  }
}
