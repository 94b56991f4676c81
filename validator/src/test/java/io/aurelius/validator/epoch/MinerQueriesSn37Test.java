package io.aurelius.validator.epoch;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.config.CompiledConfig;
import io.aurelius.config.ConfigLoader;
import io.aurelius.config.submission.SubmissionVerifier;
import io.aurelius.config.v1.V1Import;
import io.aurelius.core.crypto.Sr25519KeyPair;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonLimits;
import io.aurelius.core.protocol.InMemoryPeerDirectory;
import io.aurelius.core.testing.TestData;
import io.aurelius.core.transport.ClientLimits;
import io.aurelius.core.transport.ProtocolClient;
import io.aurelius.core.transport.ProtocolServer;
import io.aurelius.core.transport.ServerSpec;
import io.aurelius.core.transport.netty.NettyProtocolClient;
import io.aurelius.core.transport.netty.NettyProtocolServer;
import io.aurelius.miner.sn37.ScenarioConfigHandler;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A miner that serves only SN37's {@code scenario_config} (an SN37-style miner, over btauth/1 on
 * loopback) is asked there after the node's own query route answers 404, in the same round, and its
 * configuration is admitted; one that serves neither is refused by the miner, not lost.
 */
class MinerQueriesSn37Test {
  private final Sr25519KeyPair validatorKey = Sr25519KeyPair.generate();
  private final Sr25519KeyPair minerKey = Sr25519KeyPair.generate();

  @Test
  void anSn37MinerIsAskedOnItsRouteAndItsConfigurationAdmitted() throws Exception {
    CompiledConfig served =
        ConfigLoader.load(
            V1Import.convert(
                Json.parse(
                    Files.readAllBytes(
                        TestData.path("aurelius-v1").resolve("parole_board_recidivism.json")),
                    "fixture",
                    JsonLimits.UNTRUSTED),
                -1),
            "fixture");
    Supplier<List<CompiledConfig>> library = () -> List.of(served);
    try (ProtocolServer miner =
            serve(
                ServerSpec.builder(minerKey, validators())
                    .route(
                        ScenarioConfigHandler.ROUTE,
                        ScenarioConfigHandler.MAX_REQUEST_BYTES,
                        new ScenarioConfigHandler(
                            library, minerKey, Clock.systemUTC(), new SecureRandom(), "sn37/1")));
        ProtocolClient client = NettyProtocolClient.create(validatorKey, ClientLimits.defaults())) {
      List<MinerQueries.Checked> out = queries(client).ask(3, List.of(member(miner)));
      assertThat(out).hasSize(1);
      MinerQueries.Checked checked = out.get(0);
      assertThat(checked.outcome()).as(checked.message()).isEqualTo(Outcome.ADMITTED);
      assertThat(checked.message()).endsWith("over SN37's scenario_config");
      assertThat(checked.admitted().orElseThrow().config().id()).isEqualTo(served.id());
    }
  }

  @Test
  void aMinerServingNeitherRouteIsRefusedWithTheReason() throws Exception {
    try (ProtocolServer miner =
            serve(ServerSpec.builder(minerKey, validators()).route("other", call -> call.body()));
        ProtocolClient client = NettyProtocolClient.create(validatorKey, ClientLimits.defaults())) {
      MinerQueries.Checked checked = queries(client).ask(3, List.of(member(miner))).get(0);
      assertThat(checked.outcome()).isEqualTo(Outcome.REFUSED_BY_MINER);
      assertThat(checked.message()).startsWith("sn37 route: miner refused (404)");
    }
  }

  private InMemoryPeerDirectory validators() {
    return new InMemoryPeerDirectory().register(validatorKey.publicKey(), 1_000);
  }

  private static ProtocolServer serve(ServerSpec.Builder spec) {
    return NettyProtocolServer.start(spec.build());
  }

  private static MinerQueries queries(ProtocolClient client) {
    return new MinerQueries(
        client, SubmissionVerifier.defaults(), Clock.systemUTC(), Duration.ofSeconds(10), 65536);
  }

  private Member member(ProtocolServer miner) {
    return new Member(
        1,
        KeyId.of(minerKey.publicKey()).address(),
        KeyId.of(Sr25519KeyPair.generate().publicKey()).address(),
        "miner",
        "127.0.0.1",
        miner.port(),
        0,
        false,
        "sr25519");
  }
}
