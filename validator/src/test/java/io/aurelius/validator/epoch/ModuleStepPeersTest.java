package io.aurelius.validator.epoch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.config.ConfigDocuments;
import io.aurelius.config.module.ModuleLimits;
import io.aurelius.config.module.ModuleRegistry;
import io.aurelius.config.module.ShippedModules;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.json.Json;
import io.aurelius.core.protocol.InMemoryPeerDirectory;
import io.aurelius.core.transport.ClientLimits;
import io.aurelius.core.transport.ProtocolClient;
import io.aurelius.core.transport.ProtocolServer;
import io.aurelius.core.transport.ServerSpec;
import io.aurelius.core.transport.netty.NettyProtocolClient;
import io.aurelius.core.transport.netty.NettyProtocolServer;
import io.aurelius.validator.consensus.ValidatorSet;
import io.aurelius.validator.modules.ModuleQuorum;
import io.aurelius.validator.modules.ModuleSettings;
import io.aurelius.validator.modules.ModuleVerdict;
import io.aurelius.validator.modules.ModuleVerdictBook;
import io.aurelius.validator.modules.ModuleVerdictsHandler;
import io.aurelius.validator.store.ValidatorStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Validator a sends its module verdicts to two peers over loopback: b, which runs the module step a
 * little later and reports, and c, whose node refuses the call for good (a node without the {@code
 * validator/module-verdicts} route answers 404; one that does not count a as a validator answers
 * 403). a waits for b's verdicts but not for c's: its step ends well before the consensus wait,
 * with b's verdict in its book.
 */
class ModuleStepPeersTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final long STAKE = 1000;

  @TempDir Path dir;
  private final List<AutoCloseable> open = new ArrayList<>();
  private final Ed25519KeyPair miner = Ed25519KeyPair.generate();
  private final Ed25519KeyPair a = Ed25519KeyPair.generate();
  private final Ed25519KeyPair b = Ed25519KeyPair.generate();
  private final Ed25519KeyPair c = Ed25519KeyPair.generate();
  private final JsonNode whisper =
      ConfigDocuments.sign(
          Json.parse(ShippedModules.bytes("whisper").orElseThrow(), "whisper", ModuleLimits.JSON),
          miner);
  private final List<String> told = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  @Test
  void aPeerWithoutTheRouteIsNotWaitedForAndAReportingPeerStillIs() throws Exception {
    ProtocolServer withoutRoute = server(c, Map.of());
    assertStepEndsEarlyWithBsVerdict(withoutRoute, 404);
  }

  @Test
  void aPeerThatRefusesTheSenderIsNotWaitedFor() throws Exception {
    // c serves the route but counts neither a nor b as a validator: 403.
    ProtocolServer forbidding =
        server(
            c,
            Map.of(
                ModuleVerdictsHandler.ROUTE,
                new ModuleVerdictsHandler(
                    new ModuleVerdictBook(store("c")),
                    () -> new ValidatorSet(Map.of(id(c), STAKE)))));
    assertStepEndsEarlyWithBsVerdict(forbidding, 403);
  }

  @Test
  void onlyDefiniteRefusalsEndTheWait() {
    assertThat(ModuleStep.refusedForGood(404)).isTrue();
    assertThat(ModuleStep.refusedForGood(403)).isTrue();
    assertThat(ModuleStep.refusedForGood(422)).isTrue();
    assertThat(ModuleStep.refusedForGood(408)).as("request timeout").isFalse();
    assertThat(ModuleStep.refusedForGood(429)).as("too many requests").isFalse();
    assertThat(ModuleStep.refusedForGood(503)).as("a server error may pass").isFalse();
  }

  private void assertStepEndsEarlyWithBsVerdict(ProtocolServer cServer, int status)
      throws Exception {
    Node na = node("a", a);
    Node nb = node("b", b);
    MetagraphSnapshot graph =
        graph(
            List.of(
                member(0, a, na.server.port()),
                member(1, b, nb.server.port()),
                member(2, c, cServer.port())));
    Submissions submissions = submissions();

    long start = System.nanoTime();
    CompletableFuture<Long> ra =
        CompletableFuture.supplyAsync(
            () -> {
              run(na, graph, submissions);
              return System.nanoTime() - start;
            });
    // b starts later: a must still wait for its verdicts.
    CompletableFuture<Long> rb =
        CompletableFuture.supplyAsync(
            () -> run(nb, graph, submissions),
            CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS));
    long aTook = ra.get(2 * WAIT.toSeconds(), TimeUnit.SECONDS);
    rb.get(2 * WAIT.toSeconds(), TimeUnit.SECONDS);

    assertThat(Duration.ofNanos(aTook))
        .as("a did not wait the consensus wait for c")
        .isLessThan(WAIT.dividedBy(2));
    assertThat(new ModuleVerdictBook(na.store).verdicts(1))
        .extracting(ModuleVerdict::validator)
        .as("a waited for b, which reported a second later")
        .containsExactlyInAnyOrder(id(a), id(b));
    assertThat(told)
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains("peer " + id(c) + " refused module verdicts (" + status)
                    .endsWith("not waiting for its verdicts"));
  }

  private static long run(Node n, MetagraphSnapshot graph, Submissions s) {
    try {
      n.step.run(1, new ModuleStep.Input(graph, s));
      return 0;
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyId id(Ed25519KeyPair key) {
    return KeyId.of(key.publicKey());
  }

  private Submissions submissions() {
    return new Submissions(
        List.of(
            new SubmissionRecord(
                3,
                id(miner).address(),
                KeyId.of(Ed25519KeyPair.generate().publicKey()).address(),
                Outcome.ADMITTED.code(),
                "module",
                Optional.of(ConfigDocuments.id(whisper).hex()),
                Optional.of(new SubmissionContent.Module(whisper)))));
  }

  private static Member member(int uid, Ed25519KeyPair key, int port) {
    String address = id(key).address();
    return new Member(
        uid, address, address, "validator", "127.0.0.1", port, STAKE, true, "ed25519");
  }

  private static MetagraphSnapshot graph(List<Member> members) {
    return new MetagraphSnapshot(1, 1, members);
  }

  private ValidatorStore store(String name) {
    ValidatorStore store = ValidatorStore.open(dir.resolve(name).resolve("state.db"));
    open.add(store);
    return store;
  }

  private ProtocolServer server(
      Ed25519KeyPair key, Map<String, io.aurelius.core.transport.RouteHandler> routes) {
    InMemoryPeerDirectory peers = new InMemoryPeerDirectory();
    for (Ed25519KeyPair k : List.of(a, b, c)) {
      peers.register(id(k), KeyScheme.ED25519, STAKE);
    }
    ServerSpec.Builder spec = ServerSpec.builder(key, peers);
    Map<String, io.aurelius.core.transport.RouteHandler> all = new HashMap<>(routes);
    if (all.isEmpty()) {
      all.put("validator/other", call -> Json.newObject()); // an older node's other routes
    }
    all.forEach(
        (route, handler) -> spec.route(route, ModuleVerdictsHandler.MAX_BODY_BYTES, handler));
    ProtocolServer server = NettyProtocolServer.start(spec.build());
    open.add(server);
    return server;
  }

  private Node node(String name, Ed25519KeyPair key) {
    ValidatorStore store = store(name);
    ProtocolClient client = NettyProtocolClient.create(key, ClientLimits.defaults());
    open.add(client);
    ProtocolServer server =
        server(
            key,
            Map.of(
                ModuleVerdictsHandler.ROUTE,
                new ModuleVerdictsHandler(
                    new ModuleVerdictBook(store),
                    () -> new ValidatorSet(Map.of(id(a), STAKE, id(b), STAKE, id(c), STAKE)))));
    EpochListener listener =
        new EpochListener() {
          @Override
          public void step(long epoch, String step, String summary) {
            told.add(summary);
          }
        };
    ModuleStep step =
        new ModuleStep(
            store,
            ModuleRegistry.open(dir.resolve(name).resolve("world-model")),
            (current, candidate) -> new ModuleStep.Trialled(true, "table"),
            new ModuleQuorum(ModuleSettings.DEFAULTS),
            ModuleSettings.DEFAULTS.consecutiveEpochs(),
            key,
            client,
            WAIT,
            name.equals("a") ? listener : EpochListener.NONE,
            Optional.empty());
    return new Node(store, server, step);
  }

  private record Node(ValidatorStore store, ProtocolServer server, ModuleStep step) {}
}
