package io.aurelius.node.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.config.ConfigDocuments;
import io.aurelius.config.catalogue.Catalogue;
import io.aurelius.config.module.Adoption;
import io.aurelius.config.module.ModuleSet;
import io.aurelius.config.module.ShippedModules;
import io.aurelius.core.hash.ContentId;
import io.aurelius.validator.epoch.EpochReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A module goes from a miner's library to adoption on the devnet with one command ({@code aurelius
 * devnet --epochs 3 --module recollect}): the first miner submits the shipped {@code recollect}
 * memory policy (signed by the miner) and serves a catalogue scenario that imports it. Both
 * validators A/B the module on the published suite and pass it in epochs 1 and 2, adopt it on the
 * 3/4 quorum in epoch 2, and refuse the importing scenario as not adopted until then; in epoch 3
 * they admit it, run it under world model 1, and its transcripts replay.
 */
class DevnetModuleIT {
  @TempDir Path work;

  /** Whether each of a validator's A/B tables ended in PASS, in epoch order. */
  private static List<Boolean> passes(DevnetValidator v) throws IOException {
    List<Boolean> out = new ArrayList<>();
    for (Path table : DevnetWorldModel.trials(v)) {
      out.add(Files.readString(table).lines().anyMatch(l -> l.startsWith("PASS (")));
    }
    return out;
  }

  /** The outcome and message of the first miner's submission to {@code v} in each devnet epoch. */
  private static List<String> firstMinerOutcomes(Devnet devnet, DevnetValidator v) {
    String miner = devnet.miners().get(0).hotkey().address();
    List<EpochReport> reports = new ArrayList<>(v.reports());
    reports.sort(java.util.Comparator.comparingLong(EpochReport::epoch));
    List<String> out = new ArrayList<>();
    for (EpochReport r : reports) {
      r.submissions().stream()
          .filter(s -> s.miner().equals(miner))
          .forEach(
              s ->
                  out.add(
                      devnet.epochNumbers().of(r.epoch()) + " " + s.outcome() + " " + s.message()));
    }
    return out;
  }

  @Test
  void aSubmittedModuleIsAdoptedAndAConfigurationImportingItRunsAndReplaysUnderTheNewVersion()
      throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    DevnetSettings settings = DevnetSettings.defaults(work.resolve("devnet"));
    long started = System.nanoTime();
    try (Devnet devnet = Devnet.start(settings, lines::add, Optional.of("recollect"))) {
      DevnetMiner first = devnet.miners().get(0);
      assertThat(
              first
                  .modulesDirectory()
                  .resolve(
                      "recollect-"
                          + ShippedModules.load("recollect", ModuleSet.BASE).id().shortHex()
                          + ".json"))
          .as("placed as 'aurelius miner module add' places it")
          .exists();
      devnet.runEpochs(3);
      long seconds = (System.nanoTime() - started) / 1_000_000_000L;

      ContentId recollect = ShippedModules.load("recollect", ModuleSet.BASE).id();
      JsonNode importing = DevnetWorldModel.importingConfiguration(devnet).orElseThrow();
      ContentId importingId = ConfigDocuments.id(importing);
      for (DevnetValidator v : devnet.validators()) {
        assertThat(lines)
            .anyMatch(
                l ->
                    l.startsWith(v.name() + " epoch 1 admit")
                        && l.contains("1 of 1 modules admitted"));
        assertThat(passes(v))
            .as(v.name() + " passed recollect in epochs 1 and 2 " + lines)
            .containsExactly(true, true);

        List<Adoption> adopted = DevnetWorldModel.adoptions(v);
        assertThat(adopted).as(v.name()).hasSize(1);
        assertThat(adopted.get(0).module().id()).isEqualTo(recollect);
        assertThat(adopted.get(0).version().number()).isEqualTo(1);
        assertThat(adopted.get(0).module().info().signature())
            .as("the miner signed it: its author")
            .hasValueSatisfying(s -> assertThat(s.author()).isEqualTo(first.hotkey()));

        List<String> outcomes = firstMinerOutcomes(devnet, v);
        assertThat(outcomes).as(v.name() + " " + outcomes).hasSize(3);
        assertThat(outcomes.get(0)).startsWith("1 invalid_config").contains("[not_adopted]");
        assertThat(outcomes.get(1)).startsWith("2 invalid_config").contains("[not_adopted]");
        assertThat(outcomes.get(2)).startsWith("3 admitted");

        List<DevnetWorldModel.ImportingRuns> ran = DevnetWorldModel.replayed(v, importingId);
        assertThat(ran)
            .as(v.name() + " ran the importing configuration once, in epoch 3")
            .hasSize(1);
        assertThat(ran.get(0).version()).isEqualTo(adopted.get(0).version());
        assertThat(ran.get(0).runs()).isPositive();
        assertThat(ran.get(0).reproduced()).isEqualTo(ran.get(0).runs());
      }

      StringWriter printed = new StringWriter();
      DevnetWorldModel.print(devnet, new PrintWriter(printed));
      assertThat(printed.toString())
          .contains(
              "A/B trial epoch-",
              "95% interval",
              "margin",
              "PASS (better: tokens_per_signal",
              "suite: " + Catalogue.names().size() + " configurations x 3 seeds",
              "adopted recollect " + recollect.shortHex() + " -> world model 1:",
              "configuration " + importing.path("name").asText() + " " + importingId.shortHex(),
              "runs under world model 1:",
              "replay to every state hash");
      System.out.println("DevnetModuleIT: 3 epochs in " + seconds + " s");
    }
  }
}
