package io.aurelius.miner.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.config.CompiledConfig;
import io.aurelius.config.ConfigDocuments;
import io.aurelius.config.lineage.Fork;
import io.aurelius.config.module.Module;
import io.aurelius.config.module.ModuleSet;
import io.aurelius.config.module.ShippedModules;
import io.aurelius.config.submission.ModuleSubmissionCheck;
import io.aurelius.config.submission.SubmissionCheck;
import io.aurelius.config.submission.SubmissionQuery;
import io.aurelius.config.submission.SubmissionVerifier;
import io.aurelius.config.validation.Limits;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.hash.ContentId;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.json.Json;
import io.aurelius.core.metrics.MetricsRegistry;
import io.aurelius.core.protocol.InMemoryPeerDirectory;
import io.aurelius.core.service.ServiceController;
import io.aurelius.core.transport.ClientLimits;
import io.aurelius.core.transport.PeerEndpoint;
import io.aurelius.core.transport.ProtocolClient;
import io.aurelius.core.transport.Reply;
import io.aurelius.core.transport.ServerLimits;
import io.aurelius.core.transport.netty.NettyProtocolClient;
import io.aurelius.core.transport.netty.NettyProtocolServer;
import io.aurelius.miner.intake.Intake;
import io.aurelius.miner.intake.IntakePolicy;
import io.aurelius.miner.intake.IntakeResult;
import io.aurelius.miner.library.ConfigLibrary;
import io.aurelius.miner.library.LibraryEntry;
import io.aurelius.miner.remote.ConfigRef;
import io.aurelius.miner.remote.FetchedConfig;
import io.aurelius.miner.remote.RemoteConfigs;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real miner on loopback, queried by a real signed client, cloned by the real git. */
class MinerServiceIT {
  private static final Ed25519KeyPair MINER = Ed25519KeyPair.generate();
  private static final Ed25519KeyPair VALIDATOR = Ed25519KeyPair.generate();
  private static final Ed25519KeyPair STRANGER = Ed25519KeyPair.generate();
  private static final KeyId VALIDATOR_ID = KeyId.of(VALIDATOR.publicKey());
  private static final int CONFIGS = 3;

  @TempDir static Path home;
  private static final List<ContentId> ADDED = new ArrayList<>();
  private static final List<InetSocketAddress> ANNOUNCED = new ArrayList<>();
  private static ServiceController controller;
  private static MinerService miner;
  private static MetricsRegistry registry;
  private static ProtocolClient validator;
  private static PeerEndpoint endpoint;

  @BeforeAll
  static void start() throws Exception {
    try (ConfigLibrary library = ConfigLibrary.open(ConfigLibrary.inHome(home))) {
      for (int i = 0; i < CONFIGS; i++) {
        library.add(TestConfigs.catalogue(i), Instant.now());
        ADDED.add(TestConfigs.catalogue(i).id());
      }
    }
    registry = new MetricsRegistry();
    InMemoryPeerDirectory directory =
        new InMemoryPeerDirectory().register(VALIDATOR_ID, KeyScheme.ED25519, 1000);
    miner =
        MinerService.builder(
                new MinerSettings(
                    ConfigLibrary.inHome(home),
                    new InetSocketAddress("127.0.0.1", 0),
                    IntakePolicy.DEFAULT,
                    ServerLimits.defaults()),
                MINER)
            .directory(directory)
            .servers(NettyProtocolServer::start)
            .announcer(ANNOUNCED::add)
            .metrics(registry)
            .build();
    controller = new ServiceController(Duration.ofSeconds(10)).add(miner);
    controller.start();
    endpoint =
        new PeerEndpoint("127.0.0.1", miner.address().getPort(), miner.hotkey(), KeyScheme.ED25519);
    validator =
        NettyProtocolClient.create(
            VALIDATOR, ClientLimits.defaults().withRequestTimeout(Duration.ofSeconds(20)));
  }

  @AfterAll
  static void stop() {
    if (validator != null) {
      validator.close();
    }
    if (controller != null) {
      controller.stop();
    }
  }

  private static SubmissionCheck query(ProtocolClient client, long epoch) {
    SubmissionQuery query = new SubmissionQuery(epoch, client.hotkey(), Limits.MAX_DOCUMENT_BYTES);
    Reply.Ok ok = client.call(endpoint, MinerService.QUERY_ROUTE, query.toJson()).join().orThrow();
    return SubmissionVerifier.defaults().check(ok.body(), query, endpoint.hotkey(), Instant.now());
  }

  @Test
  void aModuleInTheModulesDirectoryIsServedSignedByTheMinerOnTheModuleRoute() throws Exception {
    SubmissionQuery query = new SubmissionQuery(9, VALIDATOR_ID, Limits.MAX_DOCUMENT_BYTES);
    Reply none = validator.call(endpoint, MinerService.MODULE_ROUTE, query.toJson()).join();
    assertThat(none).isInstanceOf(Reply.Refused.class);
    assertThat(((Reply.Refused) none).status()).isEqualTo(422);
    assertThat(((Reply.Refused) none).message()).contains("has no module to serve");

    Files.createDirectories(miner.modulesDirectory());
    Files.write(
        miner.modulesDirectory().resolve("whisper.json"),
        ShippedModules.bytes("whisper").orElseThrow());
    Files.writeString(miner.modulesDirectory().resolve("notes.json"), "{\"not\": \"a module\"}");
    Reply.Ok ok =
        validator.call(endpoint, MinerService.MODULE_ROUTE, query.toJson()).join().orThrow();
    ModuleSubmissionCheck check =
        SubmissionVerifier.defaults()
            .checkModule(ok.body(), query, miner.hotkey(), Instant.now(), ModuleSet.BASE);
    assertThat(check).as(check.toString()).isInstanceOf(ModuleSubmissionCheck.Admitted.class);
    Module module = ((ModuleSubmissionCheck.Admitted) check).module();
    assertThat(module.name()).isEqualTo("whisper");
    assertThat(module.info().signature().orElseThrow().author()).isEqualTo(miner.hotkey());
  }

  @Test
  void theBoundPortIsAnnounced() {
    assertThat(ANNOUNCED).containsExactly(miner.address());
    assertThat(miner.address().getPort()).isPositive();
  }

  @Test
  void aRegisteredValidatorGetsSignedSubmissionsRotatingThroughTheLibrary() {
    Set<ContentId> seen = new HashSet<>();
    for (long epoch = 100; epoch < 100 + CONFIGS; epoch++) {
      SubmissionCheck check = query(validator, epoch);
      assertThat(check).as(check.toString()).isInstanceOf(SubmissionCheck.Admitted.class);
      SubmissionCheck.Admitted admitted = (SubmissionCheck.Admitted) check;
      assertThat(admitted.submission().epoch()).isEqualTo(epoch);
      assertThat(admitted.config().config().signature().orElseThrow().author())
          .isEqualTo(miner.hotkey());
      seen.add(admitted.config().id());
    }
    assertThat(seen).containsExactlyInAnyOrderElementsOf(ADDED);
  }

  @Test
  void anUnregisteredSenderIsRefusedBeforeAnyWork() {
    double served = servedCount();
    try (ProtocolClient stranger = NettyProtocolClient.create(STRANGER, ClientLimits.defaults())) {
      SubmissionQuery query = new SubmissionQuery(1, stranger.hotkey(), 65536);
      Reply reply = stranger.call(endpoint, MinerService.QUERY_ROUTE, query.toJson()).join();
      assertThat(reply).isInstanceOf(Reply.Refused.class);
      assertThat(((Reply.Refused) reply).status()).isEqualTo(403);
    }
    assertThat(servedCount()).isEqualTo(served);
  }

  private static double servedCount() {
    return registry
        .scrape()
        .lines()
        .filter(l -> l.startsWith("aurelius_miner_queries_total{outcome=\"served\"}"))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .findFirst()
        .orElse(0);
  }

  @Test
  void healthAndMetricsAreServedOnTheSamePort() throws Exception {
    query(validator, 7);
    HttpResponse<String> health = get("/healthz");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body())
        .containsPattern("\"role\" ?: ?\"miner\"")
        .containsPattern("\"status\" ?: ?\"running\"");
    HttpResponse<String> status = get("/status.json");
    assertThat(status.body()).containsPattern("\"configurations_served\" ?: ?" + CONFIGS);
    HttpResponse<String> metrics = get("/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("content-type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain; version=0.0.4"));
    assertThat(metrics.body())
        .contains("aurelius_miner_library_servable " + CONFIGS)
        .contains("aurelius_miner_queries_total{outcome=\"served\"}");
    assertThat(servedCount()).isGreaterThanOrEqualTo(1);
  }

  private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + miner.address().getPort() + path))
                .timeout(Duration.ofSeconds(20))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void stockGitClonesTheLibraryAndEveryFileHasTheIdInItsName() throws Exception {
    Path clone = home.resolve("clone");
    Process git =
        new ProcessBuilder("git", "clone", "--quiet", gitUrl(), clone.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(git.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(git.exitValue()).as(output).isZero();
    List<ContentId> files = new ArrayList<>();
    try (Stream<Path> list = Files.list(clone.resolve("configs"))) {
      for (Path file : list.toList()) {
        ContentId id =
            ConfigDocuments.id(Json.parse(Files.readAllBytes(file), "clone", Limits.JSON));
        assertThat(file.getFileName().toString()).isEqualTo(id.hex() + ".json");
        files.add(id);
      }
    }
    assertThat(files).containsExactlyInAnyOrderElementsOf(ADDED);
    assertThat(clone.resolve("README.md")).exists();
  }

  private static String gitUrl() {
    return "http://127.0.0.1:" + miner.address().getPort() + "/git/configs.git";
  }

  @Test
  void aSecondMinerForksAPublishedConfigurationByIdPrefixWithLineage() throws IOException {
    ContentId source = ADDED.get(1);
    FetchedConfig fetched =
        new RemoteConfigs(home.resolve("tmp"), Duration.ofSeconds(30))
            .fetch(ConfigRef.parse(gitUrl() + "#" + source.hex().substring(0, 10)));
    assertThat(fetched.id()).isEqualTo(source);
    assertThat(fetched.path()).isEqualTo("configs/" + source.hex() + ".json");
    var fork =
        Fork.of(
            Json.parse(fetched.bytes(), "fetched", Limits.JSON),
            new Fork.Changes(
                Optional.empty(), Optional.of("forked_by_second_miner"), Optional.empty()));
    IntakeResult result = new Intake(IntakePolicy.DEFAULT).check(fork);
    assertThat(result).isInstanceOf(IntakeResult.Accepted.class);
    CompiledConfig forked = ((IntakeResult.Accepted) result).config();
    try (ConfigLibrary second = ConfigLibrary.open(home.resolve("second").resolve("library.git"))) {
      LibraryEntry entry = second.add(forked, Instant.now());
      assertThat(entry.parent()).contains(source);
      assertThat(second.snapshot().entries()).containsExactly(entry);
    }
    try (Stream<Path> left = Files.list(home.resolve("tmp"))) {
      assertThat(left).isEmpty(); // the temporary fetch repository is gone
    }
  }

  @Test
  void pushIsRefused() throws Exception {
    Path clone = home.resolve("push-clone");
    new ProcessBuilder("git", "clone", "--quiet", gitUrl(), clone.toString())
        .start()
        .waitFor(120, TimeUnit.SECONDS);
    Files.writeString(clone.resolve("configs").resolve("x.json"), "{}");
    run(clone, "git", "-c", "user.name=t", "-c", "user.email=t@t", "add", "-A");
    run(clone, "git", "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "x");
    Process push =
        new ProcessBuilder("git", "push", "origin", "HEAD:main")
            .directory(clone.toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(push.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(push.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(push.exitValue()).isNotZero();
    assertThat(output).contains("read-only");
    try (ConfigLibrary library = ConfigLibrary.open(ConfigLibrary.inHome(home))) {
      assertThat(library.snapshot().entries()).hasSize(CONFIGS);
    }
  }

  private static void run(Path dir, String... command) throws Exception {
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
  }
}
