package io.aurelius.validator.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.config.catalogue.Catalogue;
import io.aurelius.config.module.ModuleLimits;
import io.aurelius.config.module.ShippedModules;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.json.Json;
import io.aurelius.miner.modules.MinerModules;
import io.aurelius.validator.modules.ModuleSettings;
import io.aurelius.validator.modules.SuiteSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The suite settings reach a running validator's epoch trials: a real miner offers a module, and
 * the validator trials it on the scenarios, sample and seeds it was configured with.
 */
class ModuleSuiteIT {
  @TempDir Path dir;

  @Test
  void theEpochTrialRunsTheConfiguredSuite() throws Exception {
    try (TestNet net = new TestNet(dir, 1, List.of(TestNet.catalogue(0)))) {
      JsonNode recollect =
          Json.parse(
              ShippedModules.bytes("recollect").orElseThrow(), "recollect", ModuleLimits.JSON);
      Ed25519KeyPair minerKey = Ed25519KeyPair.fromSeed(TestNet.seed(40));
      MinerModules modules = new MinerModules(net.miners.get(0).modulesDirectory());
      assertThat(modules.add(List.of(recollect), () -> minerKey).problems()).isEmpty();

      // The miner's configuration (the catalogue's first) is the one accepted configuration to
      // sample; the scenario is another, so the suite holds both.
      SuiteSettings suite = new SuiteSettings(List.of(Catalogue.names().get(1)), 1, 2);
      ValidatorSettings settings =
          TestNet.settings(net.home(0)).withModules(ModuleSettings.DEFAULTS.withSuite(suite));
      ValidatorService v = net.validator(0, settings);
      net.sealUntilEpoch(3);
      v.runEpoch(v.chainEpoch());

      Path trials = settings.validatorDir().resolve("module-trials");
      List<Path> tables;
      try (Stream<Path> files = Files.list(trials)) {
        tables = files.filter(f -> f.getFileName().toString().contains("-recollect-")).toList();
      }
      assertThat(tables).as("recollect was trialled once").hasSize(1);
      String table = Files.readString(tables.get(0));
      assertThat(table.strip().lines().reduce((a, b) -> b).orElseThrow())
          .startsWith(
              "suite: 2 configurations x 2 seeds x 2 framings x 2 arms = 16 runs (+4 to warm up)");
    }
  }
}
