package io.aurelius.node.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.anchoring.covenant.Covenant;
import io.aurelius.config.ConfigDocuments;
import io.aurelius.config.catalogue.Catalogue;
import io.aurelius.config.model.Signature;
import io.aurelius.config.module.Adoption;
import io.aurelius.config.module.ModuleRegistry;
import io.aurelius.config.module.ModuleSet;
import io.aurelius.config.module.ShippedModules;
import io.aurelius.config.module.WorldModelVersion;
import io.aurelius.core.chain.NeuronInfo;
import io.aurelius.core.hash.ContentId;
import io.aurelius.node.cli.CommandRunner;
import io.aurelius.validator.epoch.EpochReport;
import io.aurelius.validator.modules.ModuleRewards;
import io.aurelius.validator.modules.ModuleSettings;
import io.aurelius.validator.modules.WorldModelAmendments;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
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

  private static WorldModelVersion adoptedVersion(Devnet devnet) {
    return DevnetWorldModel.adoptions(devnet.validators().get(0)).get(0).version();
  }

  /**
   * Each validator's covenant (made at devnet start, signed with its corpus-log key) names the
   * adopted version and module, and {@code corpus verify} passes on it as the summary prints it.
   */
  private void anchoredInEachCovenant(
      Devnet devnet, DevnetSummary summary, WorldModelVersion adopted, ContentId recollect) {
    assertThat(summary.covenants()).hasSize(devnet.validators().size());
    for (DevnetSummary.CovenantLine line : summary.covenants()) {
      assertThat(line.unreadable()).as(line.validator()).isEmpty();
      assertThat(line.worldModel()).as(line.validator()).contains(adopted);
      assertThat(line.entries()).as("genesis and one amendment").isEqualTo(2);
      Covenant covenant = DevnetCovenant.current(line.log());
      assertThat(WorldModelAmendments.version(covenant)).contains(adopted);
      assertThat(covenant.parameters().at("/worldModel/modules/recollect").asText())
          .isEqualTo(recollect.hex());
      assertThat(covenant.parameters().has("ulfr")).as("a fresh covenant: ulfr-v1").isFalse();
      CommandRunner.Result verified =
          new CommandRunner(Map.of(), work)
              .run(summary.verifyCovenantArguments(line).toArray(String[]::new));
      assertThat(verified.exitCode()).as(verified.out() + verified.err()).isZero();
      assertThat(verified.out()).contains(DevnetCovenant.origin(line.validator()));
    }
    for (DevnetValidator v : devnet.validators()) {
      v.reports().stream()
          .flatMap(r -> r.miners().stream())
          .flatMap(m -> m.ulfr().stream())
          .flatMap(f -> java.util.stream.Stream.of(f.immersive(), f.control()))
          .flatMap(Optional::stream)
          .forEach(u -> assertThat(u.weights()).as(v.name()).isEqualTo("ulfr-v1"));
    }
  }

  /**
   * A stock-git clone of each validator's {@code /git/world-model.git} holds the same bytes: the
   * 3/4 quorum needs both validators' stake (600 + 400), so neither adopts without the other's
   * verdicts, and each line carries both approvals, in author order.
   */
  private void sameAdoptionLineFromEachValidator(Devnet devnet) throws Exception {
    List<byte[]> files = new ArrayList<>();
    for (DevnetValidator v : devnet.validators()) {
      Path clone = work.resolve("world-model-" + v.name());
      git("clone", "--quiet", v.worldModelUrl(), clone.toString());
      files.add(Files.readAllBytes(clone.resolve(ModuleRegistry.FILE)));
      List<Adoption> cloned = ModuleRegistry.open(clone).adoptions();
      assertThat(cloned).as(v.name()).hasSize(1);
      assertThat(cloned.get(0).signatures().stream().map(Signature::author).toList())
          .as(v.name() + ": both validators approved")
          .containsExactlyInAnyOrderElementsOf(
              devnet.validators().stream().map(DevnetValidator::hotkey).toList());
    }
    assertThat(new String(files.get(1), StandardCharsets.UTF_8))
        .as("byte-identical adoptions.jsonl")
        .isEqualTo(new String(files.get(0), StandardCharsets.UTF_8));
  }

  /**
   * Epoch 3's weights, as the chain holds them for each validator, pay the module's author (the
   * first miner) {@code ModuleRewards}' share on top of the rest of its normalised score.
   */
  private static void epochThreePaysTheAuthor(Devnet devnet, DevnetSummary summary) {
    DevnetMiner author = devnet.miners().get(0);
    Adoption adoption = DevnetWorldModel.adoptions(devnet.validators().get(0)).get(0);
    long adoptedIn = devnet.epochNumbers().chainEpoch(2);
    long third = devnet.epochNumbers().chainEpoch(3);
    double share =
        new ModuleRewards(ModuleSettings.DEFAULTS)
            .weights(
                List.of(new ModuleRewards.Adopted(adoption.module(), adoptedIn)),
                ModuleSet.of(List.of(adoption.module())),
                third)
            .get(author.hotkey());
    // One adoption in the window takes the whole share, whatever its age (the split is in
    // proportion); the decay weight divided by itself may land one ulp off.
    assertThat(share).isCloseTo(ModuleSettings.DEFAULTS.rewardShare(), within(1e-9));
    int uid = summary.metagraph().byHotkey(author.hotkey()).orElseThrow().uid();
    for (DevnetValidator v : devnet.validators()) {
      EpochReport report =
          v.reports().stream().filter(r -> r.epoch() == third).reduce((a, b) -> b).orElseThrow();
      assertThat(report.weights().action()).as(v.name()).isEqualTo("set");
      List<NeuronInfo.UidWeight> onChain =
          summary.metagraph().byHotkey(v.hotkey()).orElseThrow().weights();
      assertThat(onChain.stream().map(NeuronInfo.UidWeight::uid).toList())
          .as(v.name() + ": the chain holds epoch 3's weights")
          .isEqualTo(report.weights().uids());
      assertThat(onChain.stream().map(NeuronInfo.UidWeight::value).toList())
          .isEqualTo(report.weights().values());
      double sum = onChain.stream().mapToDouble(NeuronInfo.UidWeight::value).sum();
      double paid =
          onChain.stream().filter(w -> w.uid() == uid).mapToDouble(w -> w.value()).sum() / sum;
      double scores = report.miners().stream().mapToDouble(EpochReport.MinerScore::score).sum();
      double own =
          report.miners().stream()
              .filter(m -> m.uid() == uid)
              .mapToDouble(EpochReport.MinerScore::score)
              .sum();
      double expected = scores > 0 ? share + (1 - share) * own / scores : 1.0;
      System.out.printf(
          "DevnetModuleIT: %s pays the author uid %d %.4f of its weights (share %.2f, score %.4f"
              + " of %.4f)%n",
          v.name(), uid, paid, share, own, scores);
      // u16 weights, max-upscaled to 65535: each within about 1/65535 of its normalised value
      assertThat(paid)
          .as(v.name() + " pays the author at least its share")
          .isGreaterThanOrEqualTo(share - 1e-4);
      assertThat(paid).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-3));
    }
  }

  private static String git(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
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

      DevnetSummary summary = devnet.summary();
      anchoredInEachCovenant(devnet, summary, adoptedVersion(devnet), recollect);
      sameAdoptionLineFromEachValidator(devnet);
      epochThreePaysTheAuthor(devnet, summary);

      StringWriter printedSummary = new StringWriter();
      summary.print(new PrintWriter(printedSummary));
      for (DevnetValidator v : devnet.validators()) {
        assertThat(printedSummary.toString())
            .contains(
                "covenant (" + v.name() + "): 2 entries, world model 1:",
                "verify the covenant: aurelius corpus verify " + v.covenant().orElseThrow(),
                "git clone " + v.worldModelUrl());
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
