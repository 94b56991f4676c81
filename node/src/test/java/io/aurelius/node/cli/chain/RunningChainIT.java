package io.aurelius.node.cli.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.core.chain.dev.ChainDataDir;
import io.aurelius.core.crypto.ScryptParams;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.identity.KeyName;
import io.aurelius.core.identity.KeyStore;
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

/** A running dev chain (its own block thread) and a second command submitting to it. */
class RunningChainIT {
  @TempDir Path work;
  private Path home;
  private KeyId miner;

  @BeforeEach
  void keys() throws IOException {
    home = work.resolve("home");
    KeyStore store = KeyStore.inHome(home);
    KeyId owner = store.createColdkey(KeyName.of("owner"), "pw".toCharArray(), ScryptParams.withLogN(10)).keyId();
    KeyId validator = store.createHotkey(KeyName.of("validator")).keyId();
    miner = store.createHotkey(KeyName.of("miner")).keyId();
    Files.writeString(work.resolve("genesis.yaml"), String.join("\n",
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
    return new CommandRunner(Map.of("AURELIUS_HOME", home.toString(), "AURELIUS_PASSPHRASE", "pw"), work).run(args);
  }

  @Test
  void commandsReachARunningChainThroughItsInbox() throws Exception {
    CompletableFuture<CommandRunner.Result> chain = CompletableFuture.supplyAsync(
        () -> run("chain", "--genesis", "genesis.yaml", "--blocks", "150"));
    Path lock = home.resolve("chain/chain.lock");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!(Files.exists(home.resolve("chain/blocks.git/HEAD")) && new ChainDataDir(
        home.resolve("chain")).isLocked())) {
      assertThat(System.nanoTime()).as("chain started").isLessThan(deadline);
      Thread.sleep(20);
    }
    assertThat(lock).exists();
    CommandRunner.Result registered = run("chain", "register", "--coldkey", "owner", "--hotkey", "miner",
        "--role", "miner", "--wait-seconds", "20");
    assertThat(registered.exitCode()).as(registered.err()).isZero();
    assertThat(registered.out()).startsWith("register " + miner + ": accepted in block ");
    assertThat(run("chain", "info").out()).contains("running:        yes");
    CommandRunner.Result done = chain.get(60, TimeUnit.SECONDS);
    assertThat(done.exitCode()).as(done.err()).isZero();
    assertThat(done.out()).contains("sealed: 1 extrinsics");
    assertThat(run("chain", "metagraph").out()).contains("2 UIDs");
  }

}
