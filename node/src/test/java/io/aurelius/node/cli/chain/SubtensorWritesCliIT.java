package io.aurelius.node.cli.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.core.chain.substrate.SubtensorRecordings;
import io.aurelius.core.chain.substrate.tx.ScriptedChain;
import io.aurelius.core.crypto.ScryptParams;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.identity.KeyName;
import io.aurelius.core.identity.KeyStore;
import io.aurelius.node.cli.CommandRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code chain register}, {@code serve}, {@code stake}, {@code unstake} and {@code transfer} with
 * {@code --network}/{@code --netuid}, through the CLI, against the fake Substrate node with a
 * scripted {@code author_submitAndWatchExtrinsic}: each submits one signed extrinsic (two for
 * register with an endpoint), prints every network step on standard error, and reports accepted
 * only on the block's success event, or the chain's error by name.
 */
class SubtensorWritesCliIT {
  @TempDir Path work;
  private Path home;
  private ScriptedChain node;
  private KeyId miner;

  @BeforeEach
  void start() throws IOException {
    home = work.resolve("home");
    KeyStore store = KeyStore.inHome(home);
    store.createColdkey(KeyName.of("owner"), "pw".toCharArray(), ScryptParams.withLogN(10));
    miner = store.createHotkey(KeyName.of("miner")).keyId();
    node = new ScriptedChain(SubtensorRecordings.v15());
  }

  @AfterEach
  void stop() {
    node.close();
  }

  private CommandRunner.Result run(String... args) {
    String[] all = new String[args.length + 4];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--network";
    all[args.length + 1] = node.node.uri().toString();
    all[args.length + 2] = "--netuid";
    all[args.length + 3] = "1";
    return new CommandRunner(
            Map.of("AURELIUS_HOME", home.toString(), "AURELIUS_PASSPHRASE", "pw"), work)
        .run(all);
  }

  @Test
  void registerThenServeAreTwoSignedExtrinsics() {
    CommandRunner.Result r =
        run(
            "chain",
            "register",
            "--coldkey",
            "owner",
            "--hotkey",
            "miner",
            "--role",
            "miner",
            "--endpoint",
            "203.0.113.9:8091");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .startsWith(
            "register "
                + miner
                + ": accepted in block "
                + ScriptedChain.BLOCK_NUMBER
                + " (extrinsic 0x");
    assertThat(node.submitted).hasSize(2);
    assertThat(r.err())
        .contains("subtensor: network ")
        .contains("subtensor: signing SubtensorModule.burned_register as ")
        .contains("subtensor: signing SubtensorModule.serve_axon as ")
        .contains("subtensor: SubtensorModule.serve_axon succeeded in block 1001 (finalized)");
  }

  @Test
  void stakeUnstakeAndTransferOrTheChainsErrorByName() {
    assertThat(
            run("chain", "stake", "--coldkey", "owner", "--hotkey", "miner", "--amount", "1000")
                .out())
        .startsWith("stake 1000 on " + miner + ": accepted in block 1001");
    assertThat(
            run("chain", "unstake", "--coldkey", "owner", "--hotkey", "miner", "--amount", "400")
                .out())
        .startsWith("unstake 400 on " + miner + ": accepted in block 1001");
    assertThat(
            run("chain", "transfer", "--coldkey", "owner", "--to", "miner", "--amount", "7").out())
        .startsWith("transfer 7 to " + miner + ": accepted in block 1001");
    assertThat(node.submitted).hasSize(3);

    node.failWith("NotEnoughBalanceToStake");
    CommandRunner.Result refused =
        run("chain", "stake", "--coldkey", "owner", "--hotkey", "miner", "--amount", "1000");
    assertThat(refused.exitCode()).isNotZero();
    assertThat(refused.err())
        .contains(
            "stake 1000 on "
                + miner
                + " rejected (insufficient_balance): SubtensorModule.add_stake failed in block 1001:"
                + " SubtensorModule.NotEnoughBalanceToStake");
  }

  @Test
  void serveNeedsAnIpLiteral() {
    CommandRunner.Result ok =
        run("chain", "serve", "--hotkey", "miner", "--endpoint", "[2001:db8::7]:8091");
    assertThat(ok.exitCode()).as(ok.err()).isZero();
    assertThat(ok.out()).startsWith("serve [2001:db8::7]:8091 for " + miner + ": accepted");
    CommandRunner.Result host =
        run("chain", "serve", "--hotkey", "miner", "--endpoint", "node.example:8091");
    assertThat(host.exitCode()).isNotZero();
    assertThat(host.err())
        .contains(
            "rejected (invalid_endpoint): axon host 'node.example' (expected: an IPv4 or IPv6 literal");
    assertThat(node.submitted).hasSize(1);
  }
}
