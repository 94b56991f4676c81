package io.aurelius.validator.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.config.submission.SubmissionQuery;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.protocol.InMemoryPeerDirectory;
import io.aurelius.core.transport.ProtocolServer;
import io.aurelius.core.transport.ServerSpec;
import io.aurelius.core.transport.netty.NettyProtocolServer;
import io.aurelius.validator.epoch.EpochReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and broken parts around one validator: a miner answering garbage, one answering a 10 MB
 * body, one that is down, one with nothing to serve; configurations that time out in the world
 * model; a model endpoint down for the whole epoch. Each is recorded with its reason and the epoch
 * completes for everyone else.
 */
class BadInputIT {
  @TempDir Path dir;

  @Test
  void hostileMinersAreRecordedWithReasonsAndTheEpochCompletes() throws Exception {
    Ed25519KeyPair garbageKey = Ed25519KeyPair.fromSeed(TestNet.seed(101));
    Ed25519KeyPair hugeKey = Ed25519KeyPair.fromSeed(TestNet.seed(102));
    Ed25519KeyPair downKey = Ed25519KeyPair.fromSeed(TestNet.seed(103));
    InMemoryPeerDirectory anyone = new InMemoryPeerDirectory();
    anyone.register(Ed25519KeyPair.fromSeed(TestNet.seed(10)).publicKey(), 1);
    String huge = "x".repeat(10 << 20);
    try (ProtocolServer garbage =
            serve(garbageKey, anyone, q -> Map.of("surprise", List.of(1, 2, 3)));
        ProtocolServer tenMegabytes = serve(hugeKey, anyone, q -> Map.of("configuration", huge))) {
      List<TestNet.Foreign> foreign =
          List.of(
              new TestNet.Foreign(garbageKey, garbage.address().getPort()),
              new TestNet.Foreign(hugeKey, tenMegabytes.address().getPort()),
              new TestNet.Foreign(downKey, 1));
      try (TestNet net =
          new TestNet(dir, 1, java.util.Arrays.asList(TestNet.catalogue(0), null), foreign)) {
        ValidatorService v = net.validator(0, TestNet.settings(net.home(0)));
        net.sealUntilEpoch(3);
        EpochReport r = v.runEpoch(v.chainEpoch());
        Map<String, String> outcomes = new java.util.TreeMap<>();
        r.submissions().forEach(s -> outcomes.put(s.miner(), s.outcome()));
        assertThat(outcomes)
            .containsEntry(address(garbageKey), "garbage")
            .containsEntry(address(hugeKey), "oversize")
            .containsEntry(address(downKey), "unreachable")
            .containsValue("refused_by_miner")
            .containsValue("admitted");
        assertThat(r.submissions())
            .allSatisfy(s -> assertThat(s.message()).isNotBlank().doesNotContain("\n"));
        assertThat(r.aenesAccepted())
            .as("the good miner's aenes still enter the corpus")
            .isPositive();
        assertThat(r.miners()).filteredOn(m -> m.reward() > 0).hasSize(1);
      }
    }
  }

  @Test
  void aConfigurationOverItsTimeBudgetAndADeadModelEndpointAreRecordedAndTheEpochCompletes()
      throws Exception {
    try (TestNet net = new TestNet(dir, 1, List.of(TestNet.catalogue(0), TestNet.catalogue(1)))) {
      ValidatorSettings tight =
          TestNet.settings(net.home(0))
              .withTimeouts(
                  Duration.ofSeconds(20),
                  Duration.ofMillis(1),
                  Duration.ofSeconds(5),
                  Duration.ofSeconds(5));
      ValidatorService v = net.validator(0, tight);
      net.sealUntilEpoch(3);
      EpochReport timedOut = v.runEpoch(v.chainEpoch());
      assertThat(timedOut.submissions())
          .extracting(EpochReport.Submitted::outcome)
          .containsOnly("simulation_timeout");
      assertThat(timedOut.submissions())
          .allSatisfy(s -> assertThat(s.message()).contains("budget of 1 ms"));
      assertThat(timedOut.aenesAccepted()).isZero();
      v.stop();

      ValidatorSettings deadModel =
          TestNet.settings(dir.resolve("other-home"))
              .withModels(List.of("openai:http://127.0.0.1:1/v1#nothing-listens-here"));
      ValidatorService w = net.validator(0, deadModel);
      net.sealUntilEpoch(timedOut.epoch() + 1);
      EpochReport noModel = w.runEpoch(w.chainEpoch());
      assertThat(noModel.submissions())
          .extracting(EpochReport.Submitted::outcome)
          .containsOnly("no_aenes");
      assertThat(noModel.submissions())
          .allSatisfy(s -> assertThat(s.message()).contains("model unavailable"));
      assertThat(noModel.weights().status()).isNotBlank();
    }
  }

  private static String address(Ed25519KeyPair key) {
    return io.aurelius.core.identity.KeyId.of(key.publicKey()).address();
  }

  private static ProtocolServer serve(
      Ed25519KeyPair key, InMemoryPeerDirectory directory, Function<Object, Object> answer) {
    return NettyProtocolServer.start(
        ServerSpec.builder(key, directory)
            .name("hostile-miner")
            .route(
                SubmissionQuery.ROUTE,
                SubmissionQuery.MAX_WIRE_BYTES,
                call -> answer.apply(call.body()))
            .build());
  }
}
