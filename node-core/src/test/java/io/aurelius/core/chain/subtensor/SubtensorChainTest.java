package io.aurelius.core.chain.subtensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import io.aurelius.core.chain.ChainInfo;
import io.aurelius.core.chain.Metagraph;
import io.aurelius.core.chain.WeightSetting;
import io.aurelius.core.chain.substrate.fake.FakeSubstrateNode;
import io.aurelius.core.chain.substrate.fake.RecordedTraffic;
import io.aurelius.core.identity.KeyId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Subtensor {@code Chain} of netuid 1 against the recorded mainnet traffic. */
class SubtensorChainTest {
  private final List<String> progress = new CopyOnWriteArrayList<>();
  private FakeSubstrateNode node;
  private SubtensorChain chain;

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
    chain = SubtensorChain.connect(SubtensorNetwork.parse(node.uri().toString()), 1, progress::add);
  }

  @AfterEach
  void stop() {
    chain.close();
    node.close();
  }

  @Test
  void infoOfNetuid1() {
    ChainInfo info = chain.info();
    assertThat(info.chainId()).isEqualTo(SubtensorNetwork.FINNEY_GENESIS);
    assertThat(info.netuid()).isEqualTo(1);
    assertThat(info.tempo()).isEqualTo(99);
    assertThat(info.head()).isEqualTo(6852690);
    assertThat(info.blockIntervalMillis()).isEqualTo(12_000);
    assertThat(info.weightSetting()).isEqualTo(new WeightSetting.CommitReveal(1, 100));
    assertThat(chain.currentBlock()).isEqualTo(6852690);
  }

  @Test
  void theMetagraphIsReadOncePerBlock() {
    Metagraph first = chain.metagraph();
    Metagraph again = chain.metagraph();
    assertThat(again).isEqualTo(first);
    assertThat(first.size()).isEqualTo(1024);
    assertThat(node.asked().stream().filter("state_call"::equals))
        .hasSize(3); // metadata V15, the metagraph, neurons lite
  }

  @Test
  void theMetagraphWithWeightsIsRefusedClearly() {
    assertThatThrownBy(() -> chain.metagraph(true))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void anAccountsBalanceAndNonce() {
    chain.metagraph(); // metadata cached before the storage answer is replaced
    // System.Account as recorded for the SDK's get_balance (nonce 141, free 7.450117072 TAO).
    node.override(
        "state_getStorageAt",
        TextNode.valueOf(
            "0x8d000000010000000100000000000000d0c30fbc0100000000e1f50500000000"
                + "000000000000000000000000000000000000000000000080"));
    KeyId someone = KeyId.parse("5Cf4LPRv6tiyuFsfLRQaFYEEn3zJRGi4bAE9DwbbKmbCSHpV");
    var account = chain.account(someone).orElseThrow();
    assertThat(account.nonce()).isEqualTo(141);
    assertThat(account.balance()).isEqualTo(7_450_117_072L);
  }

  @Test
  void networksByName() {
    assertThat(SubtensorNetwork.parse("finney").uri().toString())
        .isEqualTo("wss://entrypoint-finney.opentensor.ai:443");
    assertThat(SubtensorNetwork.parse("test").uri().toString())
        .isEqualTo("wss://test.finney.opentensor.ai:443");
    assertThat(SubtensorNetwork.parse("local").uri().toString()).isEqualTo("ws://127.0.0.1:9944");
    assertThat(SubtensorNetwork.parse("ws://10.0.0.5:9944").name()).isEqualTo("ws://10.0.0.5:9944");
    assertThatThrownBy(() -> SubtensorNetwork.parse("mainnet"))
        .hasMessage(
            "network 'mainnet' (expected: finney, test, local, ws://HOST:PORT or wss://HOST:PORT)");
  }
}
