package io.aurelius.core.chain.subtensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import io.aurelius.core.chain.ChainUnavailableException;
import io.aurelius.core.chain.Endpoint;
import io.aurelius.core.chain.Metagraph;
import io.aurelius.core.chain.Role;
import io.aurelius.core.chain.substrate.fake.FakeSubstrateNode;
import io.aurelius.core.chain.substrate.fake.Fault;
import io.aurelius.core.chain.substrate.fake.RecordedTraffic;
import io.aurelius.core.chain.substrate.rpc.RpcSettings;
import io.aurelius.core.chain.substrate.rpc.WebSocketRpcClient;
import io.aurelius.core.chain.substrate.runtime.BlockRef;
import io.aurelius.core.chain.substrate.runtime.SubstrateRuntime;
import io.aurelius.core.chain.substrate.scale.Bytes;
import io.aurelius.core.identity.KeyId;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The metagraph of netuid 1 through our client against the recorded mainnet traffic: what the
 * Bittensor SDK's tests expect of it (testdata/subtensor/README.md: 1024 neurons, netuid 1, block
 * 6852690), and fields that two independent runtime-API calls of the recording agree on.
 */
class MetagraphReaderTest {
  private final List<String> progress = new CopyOnWriteArrayList<>();
  private FakeSubstrateNode node;
  private WebSocketRpcClient rpc;
  private SubstrateRuntime runtime;
  private MetagraphReader reader;

  @BeforeEach
  void start() {
    node = FakeSubstrateNode.serve(RecordedTraffic.of("metagraph"));
    rpc = WebSocketRpcClient.create(node.uri(), RpcSettings.DEFAULTS, progress::add);
    runtime = new SubstrateRuntime(rpc, Duration.ofSeconds(20), progress::add);
    reader = new MetagraphReader(runtime, progress::add);
  }

  @AfterEach
  void stop() {
    rpc.close();
    node.close();
  }

  @Test
  void netuid1Has1024NeuronsAtBlock6852690() {
    SubnetMetagraph m = reader.read(1, runtime.head());
    assertThat(m.size()).isEqualTo(1024);
    assertThat(m.netuid()).isEqualTo(1);
    assertThat(m.block()).isEqualTo(6852690);
    assertThat(m.name()).isEqualTo("Apex");
    for (int uid = 0; uid < m.size(); uid++) {
      assertThat(m.neurons().get(uid).uid()).isEqualTo(uid);
    }
    assertThat(progress)
        .contains(
            "reading the metagraph of netuid 1 at "
                + runtime.head()
                + " (SubnetInfoRuntimeApi_get_selective_mechagraph)",
            "netuid 1 at block 6852690: 1024 neurons, tempo 99, next epoch at block 6852697");
  }

  @Test
  void hyperparametersAndTheNextEpoch() {
    SubnetMetagraph m = reader.read(1, runtime.head());
    assertThat(m.hyperparameters())
        .isEqualTo(new SubnetHyperparameters(99, 100, true, 1, 65535, 1, 7200));
    assertThat(m.hyperparameters().maxWeightLimit()).isEqualTo(1.0);
    // The last epoch ran at 6852597; the next runs tempo + 1 blocks later.
    assertThat(m.lastStep()).isEqualTo(6852597);
    assertThat(m.nextEpochBlock()).isEqualTo(m.lastStep() + 99 + 1);
  }

  @Test
  void uid0AsGetNeuronsLiteRecordsIt() {
    SubnetNeuron n = reader.read(1, runtime.head()).neurons().get(0);
    assertThat(n.hotkey())
        .isEqualTo(
            KeyId.ofAccount(
                Bytes.fromHex("4a7a6cf22af0de8f0c3566ceb47c255da605cf9243f6c1a6433cc782fa610166")
                    .toArray()));
    assertThat(n.coldkey())
        .isEqualTo(
            KeyId.ofAccount(
                Bytes.fromHex("74762d04a38847530ae54f185efda75989c6cb66eab33295ee5401af6e2ac035")
                    .toArray()));
    // ip 3235789677 = 0xC0DE3B6D
    assertThat(n.axon()).isEqualTo(new Endpoint("192.222.59.109", 6028));
    assertThat(n.totalStakeRao()).isEqualTo(2_557_172_316L);
    assertThat(Units.tao(n.totalStakeRao())).isEqualByComparingTo("2.557172316");
    assertThat(n.lastUpdate()).isEqualTo(2_543_521);
    assertThat(n.validatorPermit()).isFalse();
  }

  @Test
  void theNodesViewMapsPermitsToValidators() {
    Metagraph m = reader.read(1, runtime.head()).toMetagraph();
    assertThat(m.size()).isEqualTo(1024);
    assertThat(m.block()).isEqualTo(6852690);
    long validators = m.neurons().stream().filter(n -> n.role() == Role.VALIDATOR).count();
    assertThat(validators)
        .isEqualTo(m.neurons().stream().filter(n -> n.validatorPermit()).count())
        .isEqualTo(12);
    assertThat(m.byUid(0).orElseThrow().endpoint().toString()).isEqualTo("192.222.59.109:6028");
  }

  @Test
  void aSubnetThatDoesNotExistIsNamed() {
    BlockRef head = runtime.head();
    runtime.metadata(head);
    node.override("state_call", TextNode.valueOf("0x00"));
    assertThatThrownBy(() -> reader.read(1, head))
        .isInstanceOf(ChainUnavailableException.class)
        .hasMessage(
            "netuid 1: no such subnet at "
                + head
                + " (SubnetInfoRuntimeApi_get_selective_mechagraph answered none)");
  }

  @Test
  void truncatedScaleIsAOneLineError() {
    BlockRef head = runtime.head();
    runtime.metadata(head);
    node.fault(Fault.TRUNCATED_SCALE);
    assertThatThrownBy(() -> reader.read(1, head))
        .isInstanceOf(ChainUnavailableException.class)
        .hasMessageStartingWith(
            "state_call SubnetInfoRuntimeApi_get_selective_mechagraph at " + head + ": scale: ")
        .hasMessageNotContaining("\n");
  }

  @Test
  void theNextEpochFollowsSubtensorsSchedule() {
    // (block + netuid + 1) % (tempo + 1) == 0 at the epoch block
    assertThat(MetagraphReader.nextEpochBlock(1, 99, 6852690)).isEqualTo(6852697);
    assertThat(MetagraphReader.nextEpochBlock(1, 99, 6852697)).isEqualTo(6852697);
    assertThat(MetagraphReader.nextEpochBlock(1, 99, 6852698)).isEqualTo(6852797);
    assertThat(MetagraphReader.nextEpochBlock(3, 0, 10)).isEqualTo(Long.MAX_VALUE);
  }
}
