package io.aurelius.validator.epoch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.anchoring.covenant.CovenantLog;
import io.aurelius.anchoring.log.GitLog;
import io.aurelius.anchoring.testing.Fixtures;
import io.aurelius.anchoring.verify.LogVerifier;
import io.aurelius.anchoring.verify.TrustPolicy;
import io.aurelius.config.ConfigDocuments;
import io.aurelius.config.model.Signature;
import io.aurelius.config.module.Module;
import io.aurelius.config.module.ModuleLimits;
import io.aurelius.config.module.ModuleRegistry;
import io.aurelius.config.module.ModuleSet;
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
import io.aurelius.validator.modules.CovenantAdoptions;
import io.aurelius.validator.modules.ModuleQuorum;
import io.aurelius.validator.modules.ModuleSettings;
import io.aurelius.validator.modules.ModuleVerdictBook;
import io.aurelius.validator.modules.ModuleVerdictsHandler;
import io.aurelius.validator.modules.WorldModelAmendments;
import io.aurelius.validator.modules.WorldModelLedger;
import io.aurelius.validator.publish.WorldModelRepository;
import io.aurelius.validator.store.ValidatorStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two validators on loopback, each with its own store, registry and verdict route: they trial the
 * module a miner submitted, exchange signed verdicts, and adopt it only when both (3/4 of the
 * stake) passed it in two consecutive epochs, each writing the same adoption line with both
 * approvers' signatures; one failing verdict holds the adoption back.
 */
class ModuleStepTest {
  @TempDir Path dir;
  private final Ed25519KeyPair miner = Ed25519KeyPair.generate();
  private final List<AutoCloseable> open = new ArrayList<>();
  private final JsonNode whisper =
      ConfigDocuments.sign(
          Json.parse(ShippedModules.bytes("whisper").orElseThrow(), "whisper", ModuleLimits.JSON),
          miner);

  @AfterEach
  void close() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  @Test
  void twoPassingEpochsOfBothValidatorsAdoptTheModuleInBothRegistries() throws Exception {
    Node a = node("a", new AtomicBoolean(true));
    Node b = node("b", new AtomicBoolean(true));
    MetagraphSnapshot graph = graph(a, b);

    assertThat(runBoth(1, graph, a, b)).containsExactly(List.of(), List.of());
    assertThat(new ModuleVerdictBook(a.store).verdicts(1)).hasSize(2);
    assertThat(a.registry.set().version()).isEqualTo(ModuleSet.BASE.version());

    String id = ShippedModules.load("whisper", ModuleSet.BASE).id().hex();
    // The chain moved on while the trials ran: the next round is epoch 7, still consecutive.
    assertThat(runBoth(7, graph, a, b)).containsExactly(List.of(id), List.of(id));
    byte[] line = Files.readAllBytes(a.dir.resolve(ModuleRegistry.FILE));
    assertThat(Files.readAllBytes(b.dir.resolve(ModuleRegistry.FILE)))
        .as("both validators write the same adoption line")
        .isEqualTo(line);
    assertThat(ModuleRegistry.open(a.dir).adoptions().get(0).signatures())
        .extracting(Signature::author)
        .containsExactlyInAnyOrder(a.self, b.self);
    for (Node n : List.of(a, b)) {
      ModuleSet set = ModuleRegistry.open(n.dir).set();
      assertThat(set.version().number()).isEqualTo(1);
      Module adopted = set.current("whisper").orElseThrow();
      assertThat(adopted.info().signature().orElseThrow().author())
          .isEqualTo(KeyId.of(miner.publicKey()));
      assertThat(n.store.item(7, Steps.MODULES, ModuleStep.TRIAL + id)).isPresent();
      assertThat(
              n.dir
                  .resolveSibling("module-trials")
                  .resolve("epoch-7-whisper-" + id.substring(0, 12) + ".txt"))
          .hasContent("table");
    }
  }

  @Test
  void anAdoptionInTheStepIsCommittedAndAnchoredInEachValidatorsCovenant() throws Exception {
    Node a = node("a", new AtomicBoolean(true), true);
    Node b = node("b", new AtomicBoolean(true), true);
    MetagraphSnapshot graph = graph(a, b);
    runBoth(1, graph, a, b);
    runBoth(2, graph, a, b);

    for (Node n : List.of(a, b)) {
      ModuleSet set = ModuleRegistry.open(n.dir).set();
      assertThat(set.version().number()).isEqualTo(1);
      Path covenantDir = n.dir.resolveSibling("covenant.git");
      try (GitLog log = GitLog.open(covenantDir)) {
        assertThat(WorldModelAmendments.version(CovenantLog.replay(log.head())))
            .contains(set.version());
        new LogVerifier(TrustPolicy.selfDeclared(log.head().manifest()), Optional.empty())
            .verify(log);
      }
      try (Repository repo =
          new FileRepositoryBuilder()
              .setGitDir(n.dir.resolveSibling("world-model.git").toFile())
              .build()) {
        ObjectId tip = repo.resolve("refs/heads/main");
        try (RevWalk walk = new RevWalk(repo)) {
          RevCommit commit = walk.parseCommit(tip);
          assertThat(commit.getShortMessage())
              .isEqualTo("World model 1: adopt mechanic_pack whisper");
          var file = TreeWalk.forPath(repo, ModuleRegistry.FILE, commit.getTree());
          assertThat(repo.open(file.getObjectId(0)).getBytes())
              .isEqualTo(Files.readAllBytes(n.dir.resolve(ModuleRegistry.FILE)));
        }
      }
    }
  }

  @Test
  void oneFailingVerdictKeepsTheModuleOut() throws Exception {
    AtomicBoolean bPasses = new AtomicBoolean(true);
    Node a = node("a", new AtomicBoolean(true));
    Node b = node("b", bPasses);
    MetagraphSnapshot graph = graph(a, b);

    runBoth(1, graph, a, b);
    bPasses.set(false);
    assertThat(runBoth(2, graph, a, b)).containsExactly(List.of(), List.of());
    assertThat(a.registry.set().version()).isEqualTo(ModuleSet.BASE.version());
    assertThat(b.registry.set().version()).isEqualTo(ModuleSet.BASE.version());
  }

  @Test
  void aTrialThatThrowsIsAFailingVerdictNotAFailedEpoch() throws Exception {
    Node a = node("a", null);
    Node b = node("b", new AtomicBoolean(true));
    MetagraphSnapshot graph = graph(a, b);

    assertThat(runBoth(1, graph, a, b)).containsExactly(List.of(), List.of());
    assertThat(new ModuleVerdictBook(b.store).verdicts(1))
        .filteredOn(v -> v.validator().equals(a.self))
        .singleElement()
        .satisfies(v -> assertThat(v.passed()).isFalse());
  }

  /** The operator's module settings reach the step: more rounds hold an adoption back. */
  @Test
  void aThirdRoundWhenTheSettingsAskForThree() throws Exception {
    ModuleSettings threeRounds = new ModuleSettings(3, 4, 3, 0.10, 30, 0.25);
    Node a = node("a", new AtomicBoolean(true), false, threeRounds);
    Node b = node("b", new AtomicBoolean(true), false, threeRounds);
    MetagraphSnapshot graph = graph(a, b, 1000, 1000);

    assertThat(runBoth(1, graph, a, b)).containsExactly(List.of(), List.of());
    assertThat(runBoth(2, graph, a, b))
        .as("two rounds adopt under the defaults, not under three")
        .containsExactly(List.of(), List.of());
    String id = ShippedModules.load("whisper", ModuleSet.BASE).id().hex();
    assertThat(runBoth(3, graph, a, b)).containsExactly(List.of(id), List.of(id));
  }

  /** With 3/4 of the stake passing it, the default adopts and a quorum of all stake does not. */
  @Test
  void aQuorumOfAllStakeBlocksWhatThreeQuartersAdopt() throws Exception {
    ModuleSettings allStake = new ModuleSettings(1, 1, 2, 0.10, 30, 0.25);
    for (ModuleSettings settings : List.of(ModuleSettings.DEFAULTS, allStake)) {
      keysInUse++;
      Node a = node("a" + keysInUse, new AtomicBoolean(true), false, settings);
      Node b = node("b" + keysInUse, new AtomicBoolean(false), false, settings);
      MetagraphSnapshot graph = graph(a, b, 3000, 1000);
      runBoth(1, graph, a, b);
      List<List<String>> adopted = runBoth(2, graph, a, b);
      if (settings.equals(ModuleSettings.DEFAULTS)) {
        String id = ShippedModules.load("whisper", ModuleSet.BASE).id().hex();
        assertThat(adopted)
            .as("3/4 of the stake passed it")
            .containsExactly(List.of(id), List.of(id));
      } else {
        assertThat(adopted)
            .as("a quorum of 1 needs every validator")
            .containsExactly(List.of(), List.of());
        assertThat(a.registry.set().version()).isEqualTo(ModuleSet.BASE.version());
      }
    }
  }

  private int keysInUse;

  private List<List<String>> runBoth(long epoch, MetagraphSnapshot graph, Node a, Node b)
      throws Exception {
    Submissions submissions = submissions();
    CompletableFuture<List<String>> ra = run(a, epoch, graph, submissions);
    CompletableFuture<List<String>> rb = run(b, epoch, graph, submissions);
    return List.of(ra.get(), rb.get());
  }

  private static CompletableFuture<List<String>> run(
      Node n, long epoch, MetagraphSnapshot graph, Submissions s) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return n.step.run(epoch, new ModuleStep.Input(graph, s));
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  private Submissions submissions() {
    return new Submissions(
        List.of(
            new SubmissionRecord(
                3,
                KeyId.of(miner.publicKey()).address(),
                KeyId.of(Ed25519KeyPair.generate().publicKey()).address(),
                Outcome.ADMITTED.code(),
                "module",
                Optional.of(ConfigDocuments.id(whisper).hex()),
                Optional.of(new SubmissionContent.Module(whisper)))));
  }

  private MetagraphSnapshot graph(Node a, Node b) {
    return graph(a, b, 1000, 1000);
  }

  private MetagraphSnapshot graph(Node a, Node b, long stakeA, long stakeB) {
    return new MetagraphSnapshot(
        1,
        1,
        List.of(
            new Member(
                0,
                a.self.address(),
                a.self.address(),
                "validator",
                "127.0.0.1",
                a.server.port(),
                stakeA,
                true,
                "ed25519"),
            new Member(
                1,
                b.self.address(),
                b.self.address(),
                "validator",
                "127.0.0.1",
                b.server.port(),
                stakeB,
                true,
                "ed25519")));
  }

  private final List<Ed25519KeyPair> keys =
      List.of(Ed25519KeyPair.generate(), Ed25519KeyPair.generate());

  private Node node(String name, AtomicBoolean passes) throws Exception {
    return node(name, passes, false);
  }

  /** With {@code followed}, adoptions also go to its world-model.git and its own covenant. */
  private Node node(String name, AtomicBoolean passes, boolean followed) throws Exception {
    return node(name, passes, followed, ModuleSettings.DEFAULTS);
  }

  private Node node(String name, AtomicBoolean passes, boolean followed, ModuleSettings settings)
      throws Exception {
    Ed25519KeyPair key = keys.get(name.startsWith("a") ? 0 : 1);
    Path home = dir.resolve(name);
    ValidatorStore store = ValidatorStore.open(home.resolve("state.db"));
    open.add(store);
    ModuleRegistry registry = ModuleRegistry.open(home.resolve("world-model"));
    WorldModelLedger ledger = WorldModelLedger.of(registry);
    if (followed) {
      WorldModelRepository served = WorldModelRepository.open(home.resolve("world-model.git"));
      open.add(served);
      Path covenantDir = home.resolve("covenant.git");
      CovenantLog.create(
              covenantDir,
              "test/covenant",
              key,
              Clock.systemUTC(),
              Fixtures.genesis(Fixtures.ORIGIN, List.of(), List.of()))
          .close();
      ledger =
          new WorldModelLedger(
              registry,
              List.of(
                  served::publish, CovenantAdoptions.open(covenantDir, key, Clock.systemUTC())));
    }
    ProtocolClient client = NettyProtocolClient.create(key, ClientLimits.defaults());
    open.add(client);
    InMemoryPeerDirectory peers = new InMemoryPeerDirectory();
    for (Ed25519KeyPair k : keys) {
      peers.register(KeyId.of(k.publicKey()), KeyScheme.ED25519, 1000);
    }
    ProtocolServer server =
        NettyProtocolServer.start(
            ServerSpec.builder(key, peers)
                .route(
                    ModuleVerdictsHandler.ROUTE,
                    ModuleVerdictsHandler.MAX_BODY_BYTES,
                    new ModuleVerdictsHandler(
                        new ModuleVerdictBook(store),
                        () ->
                            new ValidatorSet(
                                Map.of(
                                    KeyId.of(keys.get(0).publicKey()), 1000L,
                                    KeyId.of(keys.get(1).publicKey()), 1000L))))
                .build());
    open.add(server);
    Node node =
        new Node(
            KeyId.of(key.publicKey()),
            home.resolve("world-model"),
            store,
            registry,
            server,
            peers,
            new ModuleStep(
                store,
                ledger,
                (current, candidate) -> {
                  if (passes == null) {
                    throw new IllegalArgumentException("benchmark: cannot load under candidate");
                  }
                  return new ModuleStep.Trialled(passes.get(), "table");
                },
                new ModuleQuorum(settings),
                settings.consecutiveEpochs(),
                key,
                client,
                Duration.ofSeconds(10),
                EpochListener.NONE,
                Optional.of(home.resolve("module-trials"))));
    return node;
  }

  private record Node(
      KeyId self,
      Path dir,
      ValidatorStore store,
      ModuleRegistry registry,
      ProtocolServer server,
      InMemoryPeerDirectory peers,
      ModuleStep step) {}
}
