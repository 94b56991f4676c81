package io.aurelius.validator.epoch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.config.catalogue.Catalogue;
import io.aurelius.config.module.Module;
import io.aurelius.config.module.ModuleSet;
import io.aurelius.config.module.ShippedModules;
import io.aurelius.config.submission.Submission;
import io.aurelius.config.submission.SubmissionQuery;
import io.aurelius.config.submission.SubmissionVerifier;
import io.aurelius.config.validation.Limits;
import io.aurelius.core.crypto.Sr25519KeyPair;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.json.Json;
import io.aurelius.core.protocol.InMemoryPeerDirectory;
import io.aurelius.core.transport.ClientLimits;
import io.aurelius.core.transport.ProtocolClient;
import io.aurelius.core.transport.ProtocolServer;
import io.aurelius.core.transport.ServerSpec;
import io.aurelius.core.transport.netty.NettyProtocolClient;
import io.aurelius.core.transport.netty.NettyProtocolServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A miner's configuration that imports a module is admitted once the validator's world model has
 * adopted that module, and refused with {@code not_adopted} before: admission resolves imports
 * against the validator's registry as it is at query time, not against world model 0.
 */
class MinerQueriesWorldModelTest {
  private final Sr25519KeyPair validatorKey = Sr25519KeyPair.generate();
  private final Sr25519KeyPair minerKey = Sr25519KeyPair.generate();
  private final Module whisper = ShippedModules.load("whisper", ModuleSet.BASE);

  @Test
  void importsResolveAgainstTheWorldModelAdoptedAtQueryTime() throws Exception {
    ObjectNode config =
        (ObjectNode)
            Json.parse(
                Catalogue.bytes("oyster_reef_commons").orElseThrow(), "catalogue", Limits.JSON);
    config.putArray("imports").addObject().put("module", whisper.id().hex());
    AtomicReference<ModuleSet> worldModel = new AtomicReference<>(ModuleSet.BASE);
    try (ProtocolServer miner =
            NettyProtocolServer.start(
                ServerSpec.builder(
                        minerKey,
                        new InMemoryPeerDirectory().register(validatorKey.publicKey(), 1_000))
                    .route(
                        SubmissionQuery.ROUTE,
                        call ->
                            Submission.issue(
                                    SubmissionQuery.fromJson(call.body()),
                                    minerKey,
                                    config,
                                    Instant.now())
                                .toJson())
                    .build());
        ProtocolClient client = NettyProtocolClient.create(validatorKey, ClientLimits.defaults())) {
      MinerQueries queries =
          new MinerQueries(
              client,
              SubmissionVerifier.defaults(),
              Clock.systemUTC(),
              Duration.ofSeconds(10),
              65536,
              worldModel::get);

      MinerQueries.Checked before = queries.ask(4, List.of(member(miner))).get(0);
      assertThat(before.outcome()).isEqualTo(Outcome.INVALID_CONFIG);
      assertThat(before.message()).contains("[not_adopted] " + whisper.id().hex());

      worldModel.set(ModuleSet.BASE.plus(whisper));
      MinerQueries.Checked after = queries.ask(5, List.of(member(miner))).get(0);
      assertThat(after.outcome()).as(after.message()).isEqualTo(Outcome.ADMITTED);
      var compiled = after.admitted().orElseThrow().config();
      assertThat(compiled.modules().version()).isEqualTo(worldModel.get().version());
      assertThat(compiled.modules().used()).containsExactly(whisper);
    }
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
