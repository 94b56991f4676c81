package io.aurelius.node.cli.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.aurelius.core.chain.substrate.fake.FakeSubstrateNode;
import io.aurelius.core.chain.substrate.fake.RecordedTraffic;
import io.aurelius.core.chain.subtensor.SubtensorNetwork;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.identity.KeyName;
import io.aurelius.core.identity.KeyStore;
import io.aurelius.node.cli.CommandRunner;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands against a fake Substrate node on loopback answering the recorded mainnet traffic of
 * the SDK's {@code metagraph} operation (netuid 1 at block 6852690).
 */
class SubtensorCliIT {
  private static final Pattern ROW = Pattern.compile("(?m)^ +\\d+  5\\S+ +5\\S+ +\\d+\\.\\d{9} ");
  @TempDir Path work;
  private FakeSubstrateNode node;
  private Path home;

  @BeforeEach
  void start() {
    // The recordings never asked for block 0; finney's genesis hash is the SDK's settings value.
    node =
        FakeSubstrateNode.serve(
            RecordedTraffic.of("metagraph")
                .with(
                    "chain_getBlockHash",
                    "[0]",
                    TextNode.valueOf(SubtensorNetwork.FINNEY_GENESIS)));
    home = work.resolve("home");
  }

  @AfterEach
  void stop() {
    node.close();
  }

  private CommandRunner.Result run(String... args) {
    return new CommandRunner(Map.of("AURELIUS_HOME", home.toString()), work).run(args);
  }

  @Test
  void metagraphPrintsTheSubnetAndEachNetworkStep() {
    CommandRunner.Result r =
        run("chain", "metagraph", "--network", node.uri().toString(), "--netuid", "1");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("netuid 1 (Apex), block 6852690, 1024 UIDs, 12 with a validator permit")
        .contains(
            "tempo 99, last epoch at block 6852597, next epoch at block 6852697; weights rate"
                + " limit 100 blocks, commit-reveal on (period 1), max weight limit 1.00000,"
                + " min allowed weights 1, immunity period 7200 blocks")
        .contains("192.222.59.109:6028");
    assertThat(ROW.matcher(r.out()).results().count()).isEqualTo(1024);
    assertThat(r.err())
        .contains(
            "subtensor: network " + node.uri() + ", netuid 1",
            "subtensor: connecting to " + node.uri(),
            "subtensor: fetching runtime metadata of node-subtensor spec 343",
            "subtensor: reading the metagraph of netuid 1 at #6852690",
            "subtensor: netuid 1 at block 6852690: 1024 neurons, tempo 99, next epoch at block 6852697");
  }

  @Test
  void metagraphAsJson() throws Exception {
    CommandRunner.Result r =
        run("chain", "metagraph", "--network", node.uri().toString(), "--netuid", "1", "--json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode m = new ObjectMapper().readTree(r.out());
    assertThat(m.get("block").asLong()).isEqualTo(6852690);
    assertThat(m.get("neurons")).hasSize(1024);
    assertThat(m.at("/hyperparameters/tempo").asInt()).isEqualTo(99);
    assertThat(m.at("/neurons/0/total_stake_rao").asLong()).isEqualTo(2_557_172_316L);
    assertThat(m.at("/neurons/0/axon").asText()).isEqualTo("192.222.59.109:6028");
  }

  /** The done-when: the validator syncs the metagraph and prints it. */
  @Test
  void validatorRunSyncsTheMetagraphAndPrintsIt() throws Exception {
    KeyId hotkey = KeyStore.inHome(home).createHotkey(KeyName.of("validator")).keyId();
    CommandRunner.Result r =
        run(
            "validator",
            "run",
            "--hotkey",
            "validator",
            "--port",
            "0",
            "--network",
            node.uri().toString(),
            "--netuid",
            "1");
    assertThat(r.out()).contains("netuid 1 (Apex), block 6852690, 1024 UIDs");
    assertThat(ROW.matcher(r.out()).results().count()).isEqualTo(1024);
    assertThat(r.err()).contains("subtensor: connecting to " + node.uri());
    // A fresh hotkey is not on mainnet's netuid 1: the validator stops there, in one line.
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .contains(
            "validator hotkey "
                + hotkey
                + " is not registered on netuid 1 at block 6852690 (expected: a registered"
                + " hotkey; register it with aurelius chain register --network NETWORK --netuid 1)");
  }

  @Test
  void minerRunSyncsTheMetagraphAndRefusesAnUnregisteredHotkey() throws Exception {
    KeyId hotkey = KeyStore.inHome(home).createHotkey(KeyName.of("miner")).keyId();
    CommandRunner.Result r =
        run(
            "miner",
            "run",
            "--hotkey",
            "miner",
            "--port",
            "0",
            "--network",
            node.uri().toString(),
            "--netuid",
            "1");
    assertThat(r.out()).contains("netuid 1 (Apex), block 6852690, 1024 UIDs");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .contains("miner hotkey " + hotkey + " is not registered on netuid 1 at block 6852690");
  }

  @Test
  void doctorChecksTheNetworkAndTheHotkeysStanding() {
    String uid0 = "5DkMmXtWf16RNdusZGCrJ7ca7ADPgRnZLVWCWbgA7s7sy1AQ";
    CommandRunner.Result r =
        run("doctor", "--network", node.uri().toString(), "--netuid", "1", "--hotkey", uid0);
    assertThat(r.out())
        .containsPattern(
            "ok +subtensor reachable +"
                + Pattern.quote(node.uri() + " answers; best block #6852690"))
        .containsPattern("ok +subtensor genesis +" + SubtensorNetwork.FINNEY_GENESIS)
        .containsPattern(
            "ok +subtensor runtime +node-subtensor spec 343 \\(transaction version 1\\), metadata V15")
        .containsPattern("ok +subtensor netuid 1 +Apex: 1024 UIDs at block 6852690, tempo 99")
        .containsPattern(
            "ok +subtensor registered +hotkey "
                + uid0
                + " is uid 0 \\(registered at block 6575900\\)")
        .containsPattern("ok +subtensor axon +serves 192\\.222\\.59\\.109:6028")
        .containsPattern("ok +subtensor stake +2\\.557172316 α total stake, validator permit no")
        .containsPattern(
            "ok +subtensor weights +rate limit 100 blocks, last update 4309169 blocks ago: may set weights now; commit-reveal on");
    assertThat(r.err()).contains("subtensor: connecting to " + node.uri());
  }

  @Test
  void doctorNamesAnUnregisteredHotkeyAndAnUnreachableNode() throws Exception {
    KeyId fresh = KeyStore.inHome(home).createHotkey(KeyName.of("validator")).keyId();
    CommandRunner.Result r =
        run(
            "doctor",
            "--network",
            node.uri().toString(),
            "--netuid",
            "1",
            "--hotkey",
            fresh.address());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out())
        .containsPattern(
            "FAIL +subtensor registered +hotkey " + fresh + " is not registered on netuid 1")
        .contains("fix: btcli subnets register --netuid 1");
    node.close();
    CommandRunner.Result down = run("doctor", "--network", node.uri().toString(), "--netuid", "1");
    assertThat(down.exitCode()).isEqualTo(1);
    assertThat(down.out())
        .containsPattern(
            "FAIL +subtensor reachable +chain_getHead: cannot connect to "
                + Pattern.quote(node.uri().toString()));
  }

  @Test
  void aNetworkWithoutANetuidIsABadInput() {
    CommandRunner.Result r = run("chain", "metagraph", "--network", "finney");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .contains("--netuid: missing (expected: the subnet's netuid with --network)");
    CommandRunner.Result bad = run("chain", "metagraph", "--network", "mainnet", "--netuid", "1");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("--network: network 'mainnet' (expected: finney, test, local");
  }
}
