package io.aurelius.node.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.anchoring.covenant.Covenant;
import io.aurelius.config.module.ModuleLimits;
import io.aurelius.config.module.ModuleRegistry;
import io.aurelius.config.module.ShippedModules;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.json.Json;
import io.aurelius.node.cli.CommandRunner;
import io.aurelius.validator.epoch.CovenantUlfr;
import io.aurelius.validator.modules.CovenantAdoptions;
import io.aurelius.validator.modules.WorldModelAmendments;
import io.aurelius.validator.modules.WorldModelLedger;
import io.aurelius.worldmodel.outcome.UlfrWeights;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A devnet validator's covenant, as made at devnet start: a covenant log its own log key can amend
 * (so an adoption is anchored), scoring with {@code ulfr-v1}, that {@code corpus verify} accepts
 * with the devnet's trusted key line, before and after an adoption.
 */
class DevnetCovenantTest {
  @TempDir Path dir;

  @Test
  void aFreshCovenantScoresWithUlfrV1AndAnchorsAnAdoptionThatVerifies() throws Exception {
    Ed25519KeyPair key = Ed25519KeyPair.generate();
    Path log = DevnetCovenant.create(dir.resolve("validator-1"), "validator-1", key);
    assertThat(log).isEqualTo(dir.resolve("validator-1").resolve(DevnetCovenant.DIRECTORY));
    assertThat(new CovenantUlfr(log).get()).isEqualTo(UlfrWeights.V1);
    assertThat(WorldModelAmendments.version(DevnetCovenant.current(log))).isEmpty();

    CovenantAdoptions covenant = CovenantAdoptions.open(log, key, Clock.systemUTC());
    assertThat(covenant.writable()).as("signed with the validator's own log key").isTrue();
    ModuleRegistry registry = ModuleRegistry.open(dir.resolve("world-model"));
    WorldModelLedger ledger = new WorldModelLedger(registry, List.of(covenant));
    var adopted =
        registry.adopt(
            Json.parse(
                ShippedModules.bytes("recollect").orElseThrow(), "recollect", ModuleLimits.JSON),
            List.of(key));
    ledger.catchUp();
    Covenant after = DevnetCovenant.current(log);
    assertThat(after.entries()).isEqualTo(2);
    assertThat(WorldModelAmendments.version(after)).contains(adopted.version());
    assertThat(new CovenantUlfr(log).get()).isEqualTo(UlfrWeights.V1);

    Path trusted = dir.resolve("covenant-trusted-keys");
    Files.writeString(trusted, DevnetCovenant.trustedKey("validator-1", key) + "\n");
    CommandRunner.Result verified =
        new CommandRunner(Map.of(), dir)
            .run(
                "corpus",
                "verify",
                log.toString(),
                "--trusted-keys",
                trusted.toString(),
                "--seen-dir",
                dir.resolve("seen").toString());
    assertThat(verified.exitCode()).as(verified.out() + verified.err()).isZero();
    assertThat(verified.out()).contains("aurelius.dev/covenant/validator-1");

    Files.writeString(
        trusted, DevnetCovenant.trustedKey("validator-1", Ed25519KeyPair.generate()) + "\n");
    CommandRunner.Result untrusted =
        new CommandRunner(Map.of(), dir)
            .run(
                "corpus",
                "verify",
                log.toString(),
                "--trusted-keys",
                trusted.toString(),
                "--seen-dir",
                dir.resolve("seen-2").toString());
    assertThat(untrusted.exitCode()).as("another key is not trusted").isEqualTo(1);
  }
}
