package io.aurelius.validator.epoch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.config.module.Module;
import io.aurelius.config.module.ModuleLimits;
import io.aurelius.config.module.ModuleSet;
import io.aurelius.config.module.ShippedModules;
import io.aurelius.config.submission.ModuleSubmission;
import io.aurelius.config.submission.SubmissionQuery;
import io.aurelius.config.submission.SubmissionVerifier;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Real miners on loopback answer {@code miner/module}: a module is admitted once, a second miner's
 * copy is a duplicate, a miner without the route has no module submission, and against a world
 * model that adopted it the module is a duplicate while a rival of the same name is refused with
 * {@code name_collision}.
 */
class ModuleQueriesTest {
  private final Sr25519KeyPair validatorKey = Sr25519KeyPair.generate();
  private final List<ProtocolServer> servers = new ArrayList<>();
  private final Module whisper = ShippedModules.load("whisper", ModuleSet.BASE);

  @AfterEach
  void stop() {
    servers.forEach(ProtocolServer::close);
  }

  private static ObjectNode whisperDocument() {
    return (ObjectNode)
        Json.parse(ShippedModules.bytes("whisper").orElseThrow(), "whisper", ModuleLimits.JSON);
  }

  @Test
  void eachMinersModuleIsAdmittedOnceAndCheckedAgainstTheWorldModel() throws Exception {
    ObjectNode rival = whisperDocument().put("title", "A louder whisper");
    Member first = miner(1, whisperDocument());
    Member copy = miner(2, whisperDocument());
    Member none = miner(3, null);
    Member rivalMiner = miner(4, rival);
    AtomicReference<ModuleSet> worldModel = new AtomicReference<>(ModuleSet.BASE);
    try (ProtocolClient client =
        NettyProtocolClient.create(validatorKey, ClientLimits.defaults())) {
      ModuleQueries queries =
          new ModuleQueries(
              client,
              SubmissionVerifier.defaults(),
              Clock.systemUTC(),
              Duration.ofSeconds(10),
              65536,
              worldModel::get);

      List<SubmissionRecord> out = queries.send(4, List.of(none, copy, first, rivalMiner)).decide();
      assertThat(out).extracting(SubmissionRecord::uid).containsExactly(1, 2, 4);
      SubmissionRecord admitted = out.get(0);
      assertThat(admitted.outcome()).as(admitted.message()).isEqualTo("admitted");
      assertThat(admitted.configId()).contains(whisper.id().hex());
      assertThat(admitted.content().orElseThrow()).isInstanceOf(SubmissionContent.Module.class);
      assertThat(
              admitted.content().orElseThrow().document().path("signature").path("author").asText())
          .isEqualTo(first.hotkey());
      assertThat(SubmissionRecord.fromBytes(admitted.toBytes())).isEqualTo(admitted);
      assertThat(out.get(1).outcome()).isEqualTo("duplicate");
      assertThat(out.get(1).message()).contains("submitted by another miner this epoch");
      assertThat(out.get(2).outcome()).isEqualTo("admitted");
      assertThat(new Submissions(out).modules())
          .extracting(m -> m.record().uid())
          .containsExactly(1, 4);
      assertThat(new Submissions(out).configurations()).isEmpty();

      worldModel.set(ModuleSet.BASE.plus(whisper));
      List<SubmissionRecord> later = queries.send(5, List.of(first, rivalMiner)).decide();
      assertThat(later.get(0).outcome()).isEqualTo("duplicate");
      assertThat(later.get(0).message()).contains("is already adopted");
      assertThat(later.get(1).outcome()).isEqualTo("invalid_module");
      assertThat(later.get(1).message())
          .contains("[name_collision] \"whisper\" is the adopted module " + whisper.id().hex());
    }
  }

  /** A miner serving {@code module} on the module route (or no such route when null). */
  private Member miner(int uid, ObjectNode module) {
    Sr25519KeyPair key = Sr25519KeyPair.generate();
    ServerSpec.Builder spec =
        ServerSpec.builder(
            key, new InMemoryPeerDirectory().register(validatorKey.publicKey(), 1_000));
    if (module != null) {
      spec.route(
          ModuleSubmission.ROUTE,
          call ->
              ModuleSubmission.issue(
                      SubmissionQuery.fromJson(call.body()), key, module, Instant.now())
                  .toJson());
    } else {
      spec.route("other", call -> call.body());
    }
    ProtocolServer server = NettyProtocolServer.start(spec.build());
    servers.add(server);
    return new Member(
        uid,
        KeyId.of(key.publicKey()).address(),
        KeyId.of(Sr25519KeyPair.generate().publicKey()).address(),
        "miner",
        "127.0.0.1",
        server.port(),
        0,
        false,
        "sr25519");
  }
}
