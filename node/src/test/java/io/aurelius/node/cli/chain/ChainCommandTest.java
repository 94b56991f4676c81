package io.aurelius.node.cli.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.core.crypto.ScryptParams;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.identity.KeyName;
import io.aurelius.core.identity.KeyStore;
import io.aurelius.node.cli.CommandRunner;
import io.aurelius.node.cli.ExitCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chain commands in-process, against a real dev chain in a temporary home. */
class ChainCommandTest {
  @TempDir Path work;
  private Path home;
  private KeyId owner;
  private KeyId validator;
  private KeyId miner;

  @BeforeEach
  void keys() throws IOException {
    home = work.resolve("home");
    KeyStore store = KeyStore.inHome(home);
    owner =
        store
            .createColdkey(KeyName.of("owner"), "pw".toCharArray(), ScryptParams.withLogN(10))
            .keyId();
    validator = store.createHotkey(KeyName.of("validator")).keyId();
    miner = store.createHotkey(KeyName.of("miner")).keyId();
    Files.writeString(
        work.resolve("genesis.yaml"),
        String.join(
            "\n",
            "netuid: 37",
            "tempo: 4",
            "block-interval-ms: 20",
            "min-allowed-weights: 1",
            "weights-rate-limit: 1",
            "accounts:",
            "  - {coldkey: " + owner + ", balance: 1000000}",
            "neurons:",
            "  - {hotkey: "
                + validator
                + ", coldkey: "
                + owner
                + ", role: validator, endpoint: '127.0.0.1:9100', stake: 5000}",
            ""));
  }

  private CommandRunner.Result run(String... args) {
    return new CommandRunner(
            Map.of("AURELIUS_HOME", home.toString(), "AURELIUS_PASSPHRASE", "pw"), work)
        .run(args);
  }

  @Test
  void runRegisterStakeTransferAndReadTheMetagraphOffline() {
    CommandRunner.Result started =
        run("chain", "--genesis", "genesis.yaml", "--listen", "127.0.0.1:0", "--blocks", "3");
    assertThat(started.exitCode()).as(started.err()).isZero();
    assertThat(started.out())
        .startsWith("dev chain ")
        .contains("netuid 37")
        .contains("stopped at block 3");
    assertThat(started.out()).contains("epoch 1 at block 2"); // (2 + 37 + 1) % 5 == 0
    assertThat(Files.exists(home.resolve("chain/blocks.git/HEAD"))).isTrue();

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
            "--endpoint",
            "127.0.0.1:8091");
    assertThat(registered.exitCode()).as(registered.err()).isZero();
    assertThat(registered.out()).startsWith("register " + miner + ": accepted in block 4");

    assertThat(
            run("chain", "stake", "--coldkey", "owner", "--hotkey", "miner", "--amount", "250")
                .out())
        .startsWith("stake 250 on " + miner + ": accepted in block 5");
    assertThat(
            run(
                    "chain",
                    "transfer",
                    "--coldkey",
                    "owner",
                    "--to",
                    validator.address(),
                    "--amount",
                    "7")
                .exitCode())
        .isZero();

    CommandRunner.Result table = run("chain", "metagraph");
    assertThat(table.exitCode()).as(table.err()).isZero();
    assertThat(table.out()).contains("netuid 37, block 7, 2 UIDs");
    assertThat(table.out().lines().filter(l -> l.contains("miner")).findFirst().orElseThrow())
        .contains(miner.shortForm())
        .contains(" 250 ")
        .contains("127.0.0.1:8091");
    CommandRunner.Result json = run("chain", "metagraph", "--format", "json");
    assertThat(json.out())
        .contains("\"hotkey\" : \"" + miner + "\"")
        .contains("\"validator_permit\" : true");

    CommandRunner.Result info = run("chain", "info");
    assertThat(info.out())
        .contains("head:           block 6")
        .contains("uids:           2")
        .contains("weights:        commit, then reveal 1 epoch(s) later");

    // Restarting needs no genesis; the chain continues where it stopped.
    CommandRunner.Result again = run("chain", "--listen", "127.0.0.1:0", "--blocks", "1");
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out()).contains("head:        block 6, 2 UIDs").contains("stopped at block 7");
  }

  @Test
  void aRejectedExtrinsicFailsWithItsReasonAndChangesNothing() {
    assertThat(
            run("chain", "--genesis", "genesis.yaml", "--listen", "127.0.0.1:0", "--blocks", "1")
                .exitCode())
        .isZero();
    CommandRunner.Result poor =
        run(
            "chain",
            "transfer",
            "--coldkey",
            "owner",
            "--to",
            miner.address(),
            "--amount",
            "2000000");
    assertThat(poor.exitCode()).isEqualTo(ExitCode.FAILURE);
    assertThat(poor.err().strip())
        .startsWith(
            "error: transfer 2000000 to "
                + miner
                + " rejected "
                + "(insufficient_balance): balance 1000000 (expected: at least 2000000)");
    assertThat(poor.err().strip().lines()).hasSize(1);
    CommandRunner.Result twice =
        run(
            "chain",
            "register",
            "--coldkey",
            "owner",
            "--hotkey",
            "validator",
            "--role",
            "validator");
    assertThat(twice.err()).contains("rejected (already_registered)");
    assertThat(run("chain", "info").out()).contains("head:           block 1");
  }

  @Test
  void badInputIsOneLineAndExitTwo() throws IOException {
    assertBad(run("chain"), "error: --genesis: missing, and ");
    assertBad(run("chain", "metagraph"), "error: " + home.resolve("chain") + ": no dev chain here");
    Files.writeString(work.resolve("bad.yaml"), "netuid: 37\ntempo: 0\n");
    assertBad(
        run("chain", "--genesis", "bad.yaml"),
        "error: " + work.resolve("bad.yaml") + ": tempo: 0 (expected: 1..50400)");
    Files.writeString(work.resolve("dup.yaml"), "netuid: 37\nnetuid: 38\n");
    assertBad(
        run("chain", "--genesis", "dup.yaml"),
        "error: " + work.resolve("dup.yaml") + ": malformed YAML");
    assertThat(
            run("chain", "--genesis", "genesis.yaml", "--listen", "127.0.0.1:0", "--blocks", "1")
                .exitCode())
        .isZero();
    assertBad(
        run("chain", "register", "--coldkey", "owner", "--hotkey", "miner", "--role", "king"),
        "error: --role: role 'king' (expected: miner or validator)");
    assertBad(
        run("chain", "register", "--coldkey", "miner", "--hotkey", "miner", "--role", "miner"),
        "error: --coldkey: key 'miner' is a hotkey (expected: a coldkey)");
    assertBad(
        run("chain", "stake", "--coldkey", "owner", "--hotkey", "miner", "--amount", "0"),
        "error: --amount: 0 (expected: 1..");
    assertBad(
        run("chain", "metagraph", "--format", "xml"),
        "error: --format: 'xml' (expected: table or json)");
    assertBad(
        run("chain", "--listen", "localhost"),
        "error: --listen: endpoint 'localhost' (expected: host:port)");
    assertBad(
        run("chain", "metagraph", "--chain-endpoint", "127.0.0.1:1"),
        "error: --chain-authority: missing (expected: --chain-endpoint HOST:PORT and --chain-authority KEYID together)");
  }

  @Test
  void aTamperedChainIsRefusedNamingTheBlock() throws IOException {
    assertThat(
            run("chain", "--genesis", "genesis.yaml", "--listen", "127.0.0.1:0", "--blocks", "2")
                .exitCode())
        .isZero();
    // Replace block 1's signature by editing the repository's packed or loose object is awkward,
    // so rewrite the branch to a commit whose block.json differs: any change must be caught.
    Path git = home.resolve("chain/blocks.git");
    ProcessBuilder pb =
        new ProcessBuilder(
                "sh",
                "-c",
                String.join(
                    " && ",
                    "tmp=$(mktemp -d)",
                    "git --git-dir=. show main~1:block.json | sed 's/\"timestamp_ms\":1/\"timestamp_ms\":2/' > $tmp/b",
                    "git --git-dir=. show main~1:genesis.json > $tmp/g",
                    "b=$(git --git-dir=. hash-object -w $tmp/b)",
                    "g=$(git --git-dir=. hash-object -w $tmp/g)",
                    "t=$(printf '100644 blob %s\\tblock.json\\n100644 blob %s\\tgenesis.json\\n' $b $g | git --git-dir=. mktree)",
                    "c1=$(git --git-dir=. commit-tree $t -p main~2 -m 'block 1 (0 extrinsics)')",
                    "c2=$(git --git-dir=. commit-tree main^{tree} -p $c1 -m 'block 2 (0 extrinsics)')",
                    "git --git-dir=. update-ref refs/heads/main $c2"))
            .directory(git.toFile())
            .redirectErrorStream(true);
    pb.environment().put("GIT_AUTHOR_NAME", "x");
    pb.environment().put("GIT_AUTHOR_EMAIL", "x@x");
    pb.environment().put("GIT_COMMITTER_NAME", "x");
    pb.environment().put("GIT_COMMITTER_EMAIL", "x@x");
    Process p = pb.start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
    assertThat(p.exitValue()).as(log).isZero();

    CommandRunner.Result refused = run("chain", "--listen", "127.0.0.1:0", "--blocks", "1");
    assertThat(refused.exitCode()).isEqualTo(ExitCode.FAILURE);
    assertThat(refused.err().strip())
        .matches(
            "error: block 1 \\(commit [0-9a-f]{12}\\): the authority signature "
                + "does not verify \\(the block was altered\\); refusing to start");
    assertThat(run("chain", "metagraph").err()).contains("block 1 (commit ");
  }

  private static void assertBad(CommandRunner.Result r, String errStart) {
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(r.err().strip()).startsWith(errStart);
    assertThat(r.err().strip().lines().filter(l -> l.startsWith("error:"))).hasSize(1);
  }
}
