package io.aurelius.core.chain.substrate.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import io.aurelius.core.chain.ChainUnavailableException;
import io.aurelius.core.chain.substrate.fake.FakeSubstrateNode;
import io.aurelius.core.chain.substrate.fake.Fault;
import io.aurelius.core.chain.substrate.fake.RecordedTraffic;
import io.aurelius.core.chain.substrate.rpc.RpcSettings;
import io.aurelius.core.chain.substrate.rpc.WebSocketRpcClient;
import io.aurelius.core.chain.substrate.value.Value;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Blocks, metadata, storage and runtime-API calls through the client against recorded traffic. */
class SubstrateRuntimeTest {
  private static final String METAGRAPH_BLOCK =
      "0xdb13c066e2c63969f140164fb3bfe7a0aaa7b71407fc0fe525d68e57329ef9d0";
  private static final String SPEC_315_BLOCK =
      "0x4f0bbe5e96a78ca4cc1df9a7e757d335165d6d71c545cf6eb4794986424bcd29";
  private final List<String> progress = new CopyOnWriteArrayList<>();
  private FakeSubstrateNode node;
  private WebSocketRpcClient rpc;

  private SubstrateRuntime runtime(String... operations) {
    node = FakeSubstrateNode.serve(RecordedTraffic.of(operations));
    rpc = WebSocketRpcClient.create(node.uri(), RpcSettings.DEFAULTS, progress::add);
    return new SubstrateRuntime(rpc, Duration.ofSeconds(10), progress::add);
  }

  @AfterEach
  void stop() {
    rpc.close();
    node.close();
  }

  @Test
  void theHeadAndItsRuntime() {
    SubstrateRuntime r = runtime("metagraph");
    BlockRef head = r.head();
    assertThat(head.number()).isEqualTo(6852690);
    assertThat(head.hash()).isEqualTo(METAGRAPH_BLOCK);
    assertThat(r.block(6852690)).isEqualTo(head);
    assertThat(r.version(head).specVersion()).isEqualTo(343);
    assertThat(r.version(head).specName()).isEqualTo("node-subtensor");
  }

  @Test
  void metadataV15IsFetchedOncePerSpecVersionAndAgainAfterAnUpgrade() {
    SubstrateRuntime r = runtime("metagraph", "get_current_block");
    BlockRef head = r.head();
    assertThat(r.metadata(head).version()).isEqualTo(15);
    r.metadata(head);
    assertThat(node.asked().stream().filter("state_call"::equals)).hasSize(1);
    assertThat(progress)
        .anyMatch(p -> p.startsWith("fetching runtime metadata of node-subtensor spec 343"));

    BlockRef older = r.header(SPEC_315_BLOCK);
    assertThat(r.version(older).specVersion()).isEqualTo(315);
    r.metadata(older);
    assertThat(node.asked().stream().filter("state_call"::equals)).hasSize(2);
    assertThat(progress).contains("runtime upgraded from spec 343 to 315 at " + older);
  }

  @Test
  void aRuntimeApiCallIsTypedByTheMetadata() {
    SubstrateRuntime r = runtime("metagraph");
    Value neurons = r.call(r.head(), "NeuronInfoRuntimeApi", "get_neurons_lite", Value.of(1));
    assertThat(((Value.Sequence) neurons).items()).hasSize(1024);
  }

  @Test
  void anAbsentStorageValueReadsAsTheEntrysDefault() {
    SubstrateRuntime r = runtime("metagraph");
    // Recorded as absent (null) at this block; the metadata's default of this entry is 1.
    assertThat(r.storage(r.head(), "SubtensorModule", "MechanismCountCurrent", Value.of(1)))
        .contains(Value.of(1));
    assertThat(node.asked()).contains("state_getStorageAt");
  }

  @Test
  void truncatedScaleIsAOneLineErrorNamingTheCall() {
    SubstrateRuntime r = runtime("metagraph");
    BlockRef head = r.head();
    r.metadata(head);
    node.fault(Fault.TRUNCATED_SCALE);
    assertThatThrownBy(() -> r.call(head, "NeuronInfoRuntimeApi", "get_neurons_lite", Value.of(1)))
        .isInstanceOf(ChainUnavailableException.class)
        .hasMessageStartingWith(
            "state_call NeuronInfoRuntimeApi_get_neurons_lite at " + head + ": scale: $[1023].")
        .hasMessageNotContaining("\n");
  }

  @Test
  void anUnknownMetadataVersionIsAOneLineError() {
    SubstrateRuntime r = runtime("metagraph");
    BlockRef head = r.head();
    node.override("state_call", TextNode.valueOf("0x00"));
    node.override("state_getMetadata", TextNode.valueOf("0x6d6574611000"));
    assertThatThrownBy(() -> r.metadata(head))
        .isInstanceOf(ChainUnavailableException.class)
        .hasMessage(
            "metadata at "
                + head
                + ": scale: $ at offset 4: metadata version 16 (expected: 14 or 15)");
  }

  @Test
  void aMissingRuntimeApiIsNamed() {
    SubstrateRuntime r = runtime("metagraph");
    assertThatThrownBy(() -> r.call(r.head(), "NoSuchApi", "nothing"))
        .hasMessage("runtime API NoSuchApi_nothing: not in the runtime's metadata V15");
  }
}
