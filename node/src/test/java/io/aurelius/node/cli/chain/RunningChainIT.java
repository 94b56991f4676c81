package io.aurelius.node.cli.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.core.chain.dev.ChainDataDir;
import io.aurelius.core.crypto.ScryptParams;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.identity.KeyName;
import io.aurelius.core.identity.KeyStore;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonLimits;
import io.aurelius.node.cli.CommandRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A running dev chain (its block thread and its signed-protocol server on loopback) and other
 * commands reading it and submitting to it over the network.
 */
class RunningChainIT {
  @TempDir Path work;
  private Path home;
  private KeyId miner;

  @BeforeEach
  void keys() throws IOException {
    home = work.resolve("home");
    KeyStore store = KeyStore.inHome(home);
    KeyId owner =
        store
            .createColdkey(KeyName.of("owner"), "pw".toCharArray(), ScryptParams.withLogN(10))
            .keyId();
    KeyId validator = store.createHotkey(KeyName.of("validator")).keyId();
    miner = store.createHotkey(KeyName.of("miner")).keyId();
    Files.writeString(
        work.resolve("genesis.yaml"),
        String.join(
            "\n",
            "netuid: 37",
            "tempo: 4",
            "block-interval-ms: 20",
            "accounts:",
            "  - {coldkey: " + owner + ", balance: 1000000}",
            "neurons:",
            "  - {hotkey: " + validator + ", coldkey: " + owner + ", role: validator, stake: 5000}",
            ""));
  }

  private CommandRunner.Result run(String... args) {
    return new CommandRunner(
            Map.of("AURELIUS_HOME", home.toString(), "AURELIUS_PASSPHRASE", "pw"), work)
        .run(args);
  }

  @Test
  void commandsReachARunningChainThroughItsInbox() throws Exception {
    CompletableFuture<CommandRunner.Result> chain =
        CompletableFuture.supplyAsync(
            () ->
                run(
                    "chain",
                    "--genesis",
                    "genesis.yaml",
                    "--listen",
                    "127.0.0.1:0",
                    "--blocks",
                    "150"));
    Path lock = home.resolve("chain/chain.lock");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!(Files.exists(home.resolve("chain/endpoint.json"))
        && new ChainDataDir(home.resolve("chain")).isLocked())) {
      assertThat(System.nanoTime()).as("chain started").isLessThan(deadline);
      Thread.sleep(20);
    }
    assertThat(lock).exists();
    CommandRunner.Result registered =
        run(
            "chain",
            "register",
            "--coldkey",
            "owner",
            "--hotkey",
            "miner",
            "--role",
            "miner",
            "--wait-seconds",
            "20");
    assertThat(registered.exitCode()).as(registered.err()).isZero();
    assertThat(registered.out()).startsWith("register " + miner + ": accepted in block ");
    // Reads go to the running chain too, and so can any client given its endpoint and authority.
    JsonNode endpoint =
        Json.parse(
            Files.readAllBytes(home.resolve("chain/endpoint.json")),
            "endpoint",
            JsonLimits.UNTRUSTED);
    CommandRunner.Result remote =
        new CommandRunner(Map.of(), work)
            .run(
                "chain",
                "metagraph",
                "--home",
                work.resolve("elsewhere").toString(),
                "--chain-endpoint",
                "127.0.0.1:" + endpoint.get("port").asInt(),
                "--chain-authority",
                endpoint.get("authority").asText());
    assertThat(remote.exitCode()).as(remote.err()).isZero();
    assertThat(remote.out()).contains("2 UIDs").contains(miner.shortForm());
    CommandRunner.Result wrongAuthority =
        new CommandRunner(Map.of(), work)
            .run(
                "chain",
                "info",
                "--chain-endpoint",
                "127.0.0.1:" + endpoint.get("port").asInt(),
                "--chain-authority",
                miner.address());
    assertThat(wrongAuthority.exitCode()).isEqualTo(1);
    assertThat(wrongAuthority.err()).contains("/v1/chain/info at ");
    CommandRunner.Result done = chain.get(60, TimeUnit.SECONDS);
    assertThat(done.exitCode()).as(done.err()).isZero();
    assertThat(done.out()).contains("sealed: 1 extrinsics").contains("serving:     127.0.0.1:");
    assertThat(home.resolve("chain/endpoint.json")).doesNotExist();
    assertThat(run("chain", "metagraph").out()).contains("2 UIDs");
  }
}
