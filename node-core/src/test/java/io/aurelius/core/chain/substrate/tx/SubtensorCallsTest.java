package io.aurelius.core.chain.substrate.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurelius.core.chain.Endpoint;
import io.aurelius.core.chain.Weights;
import io.aurelius.core.chain.substrate.SubtensorRecordings;
import io.aurelius.core.chain.substrate.metadata.RuntimeMetadata;
import io.aurelius.core.chain.substrate.value.Value;
import io.aurelius.core.identity.KeyId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Calls encoded by name from the recorded mainnet metadata (V14 and V15, spec 343). The expected
 * bytes were produced by the Bittensor SDK 11.3.0's own codec ({@code RuntimeCodec.compose_call})
 * from the same metadata and the same arguments.
 */
class SubtensorCallsTest {
  static final KeyId BOB = KeyId.parse("5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty");
  static final Weights WEIGHTS = new Weights(List.of(0, 1), List.of(65535, 100));

  static Stream<RuntimeMetadata> both() {
    return Stream.of(SubtensorRecordings.v14(), SubtensorRecordings.v15());
  }

  static SubtensorCalls calls(RuntimeMetadata md) {
    return new SubtensorCalls(new CallEncoder(md));
  }

  @ParameterizedTest
  @MethodSource("both")
  void subtensorCallsAsTheSdkEncodesThem(RuntimeMetadata md) {
    SubtensorCalls c = calls(md);
    assertThat(c.burnedRegister(1, BOB).encoded().hex())
        .isEqualTo("070701008eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48");
    assertThat(c.serveAxon(1, new Endpoint("203.0.113.7", 8091), 9002000).encoded().hex())
        .isEqualTo("07040100105c8900077100cb0000000000000000000000009b1f04040000");
    assertThat(c.setWeights(1, WEIGHTS, 7).encoded().hex())
        .isEqualTo("07000100080000010008ffff64000700000000000000");
    assertThat(
            c.setMechanismWeights(3, 1, new Weights(List.of(5), List.of(65535)), 7).encoded().hex())
        .isEqualTo("077703000104050004ffff0700000000000000");
    byte[] hash = new byte[32];
    java.util.Arrays.fill(hash, (byte) 0xab);
    assertThat(c.commitWeights(1, hash).encoded().hex()).isEqualTo("07600100" + "ab".repeat(32));
    assertThat(c.revealWeights(1, WEIGHTS, List.of(1, 2, 3, 4, 5, 6, 7, 8), 7).encoded().hex())
        .isEqualTo(
            "07610100080000010008ffff640020010002000300040005000600070008000700000000000000");
    assertThat(c.addStake(BOB, 1, 1_000_000_000L).encoded().hex())
        .isEqualTo(
            "07028eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48010000ca9a3b00000000");
    assertThat(c.removeStake(BOB, 1, 500).encoded().hex())
        .isEqualTo(
            "07038eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a480100f401000000000000");
    assertThat(c.transferKeepAlive(BOB, 123_456_789L).encoded().hex())
        .isEqualTo(
            "0503008eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a4856346f1d");
  }

  @ParameterizedTest
  @MethodSource("both")
  void ipv6AxonIsTypeSix(RuntimeMetadata md) {
    String hex = calls(md).serveAxon(1, new Endpoint("2001:db8::1", 8091), 1).encoded().hex();
    // ip u128 little-endian: 2001:0db8::1 reversed, then port 8091, ip_type 6, protocol 4.
    assertThat(hex).endsWith("01" + "00".repeat(11) + "b80d0120" + "9b1f" + "06" + "04" + "0000");
  }

  @ParameterizedTest
  @MethodSource("both")
  void badInputIsOneLineNamingTheCall(RuntimeMetadata md) {
    CallEncoder encoder = new CallEncoder(md);
    assertThatThrownBy(() -> encoder.encode("SubtensorModule", "no_such_call", Map.of()))
        .hasMessage("call SubtensorModule.no_such_call: not in the runtime metadata");
    assertThatThrownBy(
            () ->
                encoder.encode("SubtensorModule", "commit_weights", Map.of("netuid", Value.of(1))))
        .hasMessage(
            "call SubtensorModule.commit_weights: argument 'commit_hash' missing"
                + " (expected: netuid, commit_hash)");
    assertThatThrownBy(
            () ->
                encoder.encode(
                    "SubtensorModule",
                    "commit_weights",
                    Map.of(
                        "netuid",
                        Value.of(1),
                        "commit_hash",
                        Value.bytes(new byte[32]),
                        "extra",
                        Value.of(2))))
        .hasMessageStartingWith("call SubtensorModule.commit_weights: unknown arguments [extra]");
    assertThatThrownBy(
            () ->
                encoder.encode(
                    "SubtensorModule",
                    "commit_weights",
                    Map.of("netuid", Value.of(70000), "commit_hash", Value.bytes(new byte[32]))))
        .hasMessageStartingWith("call SubtensorModule.commit_weights, argument 'netuid': ");
    assertThatThrownBy(() -> calls(md).serveAxon(1, new Endpoint("example.org", 1), 1))
        .hasMessageContaining("axon host 'example.org' (expected: an IPv4 or IPv6 literal");
    assertThatThrownBy(() -> calls(md).addStake(BOB, 1, 0))
        .hasMessage("amount: 0 rao (expected: > 0)");
    assertThat(encoder.has("SubtensorModule", "set_mechanism_weights")).isTrue();
  }
}
