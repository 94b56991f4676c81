package io.aurelius.node.cli.miner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.config.catalogue.Catalogue;
import io.aurelius.config.submission.SubmissionCheck;
import io.aurelius.config.submission.SubmissionQuery;
import io.aurelius.config.submission.SubmissionVerifier;
import io.aurelius.core.chain.Endpoint;
import io.aurelius.core.chain.NeuronInfo;
import io.aurelius.core.chain.Role;
import io.aurelius.core.chain.dev.BlockProducer;
import io.aurelius.core.chain.dev.ChainDataDir;
import io.aurelius.core.chain.dev.DevChain;
import io.aurelius.core.chain.dev.Genesis;
import io.aurelius.core.chain.dev.SubnetParams;
import io.aurelius.core.chain.service.ChainPeers;
import io.aurelius.core.chain.service.ChainRoutes;
import io.aurelius.core.chain.service.ChainService;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.hash.ContentId;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.identity.KeyName;
import io.aurelius.core.identity.KeyStore;
import io.aurelius.core.identity.wallet.BittensorWallet;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonLimits;
import io.aurelius.core.service.ServiceController;
import io.aurelius.core.transport.ClientLimits;
import io.aurelius.core.transport.PeerEndpoint;
import io.aurelius.core.transport.ProtocolClient;
import io.aurelius.core.transport.ProtocolServer;
import io.aurelius.core.transport.Reply;
import io.aurelius.core.transport.ServerSpec;
import io.aurelius.core.transport.netty.NettyProtocolClient;
import io.aurelius.core.transport.netty.NettyProtocolServer;
import io.aurelius.node.cli.CommandRunner;
import io.aurelius.node.cli.PortsFile;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aurelius miner run} for real: in-process (stopped by an interrupt) and as a separate
 * process of the built jar (stopped by SIGTERM); queried by a signed validator client, cloned with
 * the real git, and forked from by a second miner's {@code miner fork URL#ID}.
 */
class MinerRunIT {
  private static final Ed25519KeyPair VALIDATOR = Ed25519KeyPair.generate();
  private static final String VALIDATOR_ID = "ed25519:" + KeyId.of(VALIDATOR.publicKey()).address();

  @TempDir Path work;

  private CommandRunner.Result run(Path home, String... args) {
    return new CommandRunner(Map.of("AURELIUS_HOME", home.toString()), work).run(args);
  }

  /** A home with a legacy hotkey named miner and the first {@code count} catalogue scenarios. */
  private List<ContentId> prepare(Path home, int count) throws IOException {
    return prepare(home, count, true);
  }

  /** As above, the hotkey a legacy Ed25519 key, or else the sr25519 wallet key miner/default. */
  private List<ContentId> prepare(Path home, int count, boolean legacy) throws IOException {
    List<String> keys = new ArrayList<>(List.of("keys", "new", "--name", "miner"));
    if (legacy) {
      keys.add(2, "--legacy");
    }
    assertThat(run(home, keys.toArray(String[]::new)).exitCode()).isZero();
    List<String> files = new ArrayList<>(List.of("miner", "add"));
    List<ContentId> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String name = Catalogue.names().get(i);
      Files.write(work.resolve(name + ".json"), Catalogue.bytes(name).orElseThrow());
      files.add(name + ".json");
      ids.add(Catalogue.load(name).orElseThrow().id());
    }
    CommandRunner.Result added = run(home, files.toArray(String[]::new));
    assertThat(added.exitCode()).as(added.err()).isZero();
    return ids;
  }

  private static JsonNode awaitPorts(Path home, Process process) throws Exception {
    Path file = PortsFile.in(home);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (Files.exists(file)) {
        return Json.parse(Files.readAllBytes(file), "ports.json", JsonLimits.UNTRUSTED);
      }
      if (process != null && !process.isAlive()) {
        throw new AssertionError("miner exited " + process.exitValue());
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no " + file + " within 60 s");
  }

  private static SubmissionCheck query(ProtocolClient client, PeerEndpoint miner, long epoch) {
    SubmissionQuery query = new SubmissionQuery(epoch, client.hotkey(), 65536);
    Reply.Ok ok = client.call(miner, "miner/query", query.toJson()).join().orThrow();
    return SubmissionVerifier.defaults().check(ok.body(), query, miner.hotkey(), Instant.now());
  }

  @Test
  void servesSignedSubmissionsAndGitAndASecondMinerForksFromIt() throws Exception {
    Path home = work.resolve("miner-a");
    List<ContentId> ids = prepare(home, 2);
    Thread[] runner = new Thread[1];
    CompletableFuture<CommandRunner.Result> result = new CompletableFuture<>();
    runner[0] =
        new Thread(
            () ->
                result.complete(
                    run(
                        home,
                        "miner",
                        "run",
                        "--hotkey",
                        "miner",
                        "--listen",
                        "127.0.0.1:0",
                        "--validator",
                        VALIDATOR_ID)),
            "miner-run");
    runner[0].start();
    try {
      JsonNode ports = awaitPorts(home, null);
      assertThat(ports.get("role").textValue()).isEqualTo("miner");
      int port = ports.get("http").intValue();
      PeerEndpoint miner =
          new PeerEndpoint(
              "127.0.0.1", port, KeyId.parse(ports.get("hotkey").textValue()), KeyScheme.ED25519);

      Set<ContentId> served = new HashSet<>();
      try (ProtocolClient client =
          NettyProtocolClient.create(
              VALIDATOR, ClientLimits.defaults().withRequestTimeout(Duration.ofSeconds(20)))) {
        for (long epoch = 40; epoch < 42; epoch++) {
          SubmissionCheck check = query(client, miner, epoch);
          assertThat(check).as(check.toString()).isInstanceOf(SubmissionCheck.Admitted.class);
          served.add(((SubmissionCheck.Admitted) check).config().id());
        }
      }
      assertThat(served).containsExactlyInAnyOrderElementsOf(ids);

      String url = "http://127.0.0.1:" + port + "/git/configs.git";
      Path clone = work.resolve("clone");
      Process git =
          new ProcessBuilder("git", "clone", "--quiet", url, clone.toString())
              .redirectErrorStream(true)
              .start();
      String gitOut = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(git.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(git.exitValue()).as(gitOut).isZero();
      assertThat(clone.resolve("configs").resolve(ids.get(0).hex() + ".json")).exists();

      Path second = work.resolve("miner-b");
      CommandRunner.Result fork =
          run(
              second,
              "miner",
              "fork",
              url + "#" + ids.get(1).hex().substring(0, 12),
              "--set-name",
              "forked_from_a");
      assertThat(fork.exitCode()).as(fork.err()).isZero();
      CommandRunner.Result list = run(second, "miner", "list");
      assertThat(list.out()).containsPattern("forked_from_a +" + ids.get(1).shortHex());
    } finally {
      runner[0].interrupt();
      runner[0].join(30_000);
    }
    assertThat(result.get(1, TimeUnit.SECONDS).exitCode()).isZero();
    assertThat(PortsFile.in(home)).doesNotExist();
  }

  @Test
  void theLaunchedNodeStopsGracefullyOnSigterm() throws Exception {
    Path jar = Path.of("target", "aurelius.jar").toAbsolutePath();
    Assumptions.assumeTrue(Files.exists(jar), "needs the packaged jar (mvn verify builds it)");
    Path home = work.resolve("miner-p");
    prepare(home, 1);
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString(),
                "miner",
                "run",
                "--hotkey",
                "miner",
                "--listen",
                "127.0.0.1:0",
                "--validator",
                VALIDATOR_ID)
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("miner-p.log").toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("AURELIUS_"));
    builder.environment().put("AURELIUS_HOME", home.toString());
    Process process = builder.start();
    try {
      int port = awaitPorts(home, process).get("http").intValue();
      HttpResponse<String> health =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                      .timeout(Duration.ofSeconds(20))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).containsPattern("\"status\" ?: ?\"running\"");
      process.destroy(); // SIGTERM
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      String output = Files.readString(work.resolve("miner-p.log"));
      assertThat(output).contains("listening on").contains("stopped");
      assertThat(PortsFile.in(home)).doesNotExist();
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void onAChainItRegistersWithItsColdkeyAndAnswersTheChainsValidators() throws Exception {
    Path home = work.resolve("miner-c");
    prepare(home, 1, false); // an sr25519 hotkey in a Bittensor wallet, a legacy Ed25519 coldkey
    Files.writeString(work.resolve("pass.txt"), "owner passphrase\n");
    assertThat(
            run(
                    home,
                    "keys",
                    "new",
                    "--legacy",
                    "--kind",
                    "coldkey",
                    "--name",
                    "owner",
                    "--passphrase-file",
                    "pass.txt",
                    "--Xscrypt-log-n=10")
                .exitCode())
        .isZero();
    KeyStore keys = KeyStore.inHome(home);
    KeyId owner = keys.get(KeyName.of("owner")).keyId();
    KeyId minerId =
        KeyId.ofAccount(
            new BittensorWallet(home.resolve("wallets"), "miner")
                .readHotkeypub("default")
                .account()
                .bytes());
    Ed25519KeyPair authority = Ed25519KeyPair.generate();
    Genesis genesis =
        new Genesis(
            SubnetParams.defaults(7),
            Optional.empty(),
            Optional.empty(),
            List.of(new Genesis.Account(owner, 1_000)),
            List.of(
                new Genesis.Neuron(
                    KeyId.of(VALIDATOR.publicKey()),
                    KeyScheme.ED25519,
                    owner,
                    Role.VALIDATOR,
                    Endpoint.NONE,
                    100)));
    try (DevChain chain =
        DevChain.create(
            new ChainDataDir(work.resolve("chain")), genesis, authority, InstantSource.system())) {
      ChainPeers peers = new ChainPeers();
      ServiceController chainNode =
          new ServiceController(Duration.ofSeconds(5))
              .add(new BlockProducer(chain, 50, 0, block -> peers.refresh(chain.metagraph())));
      chainNode.start();
      try (ProtocolServer chainServer =
          NettyProtocolServer.start(
              ChainRoutes.addTo(
                      ServerSpec.builder(authority, peers).name("chain-it"),
                      new ChainService(chain))
                  .build())) {
        Thread runner =
            new Thread(
                () ->
                    run(
                        home,
                        "miner",
                        "run",
                        "--hotkey",
                        "miner",
                        "--coldkey",
                        "owner",
                        "--passphrase-file",
                        "pass.txt",
                        "--listen",
                        "127.0.0.1:0",
                        "--chain-endpoint",
                        "127.0.0.1:" + chainServer.port(),
                        "--chain-authority",
                        KeyId.of(authority.publicKey()).address(),
                        "--metagraph-refresh-seconds",
                        "1"),
                "miner-run-chain");
        runner.start();
        try {
          int port = awaitPorts(home, null).get("http").intValue();
          NeuronInfo listed = chain.metagraph().byHotkey(minerId).orElseThrow();
          assertThat(listed.role()).isEqualTo(Role.MINER);
          assertThat(listed.hotkeyScheme()).isEqualTo(KeyScheme.SR25519);
          assertThat(listed.endpoint()).isEqualTo(new Endpoint("127.0.0.1", port));
          PeerEndpoint miner =
              new PeerEndpoint(
                  listed.endpoint().host(),
                  listed.endpoint().port(),
                  listed.hotkey(),
                  listed.hotkeyScheme());
          try (ProtocolClient client =
              NettyProtocolClient.create(VALIDATOR, ClientLimits.defaults())) {
            assertThat(query(client, miner, 5)).isInstanceOf(SubmissionCheck.Admitted.class);
          }
          try (ProtocolClient stranger =
              NettyProtocolClient.create(Ed25519KeyPair.generate(), ClientLimits.defaults())) {
            Reply refused =
                stranger
                    .call(
                        miner,
                        "miner/query",
                        new SubmissionQuery(5, stranger.hotkey(), 65536).toJson())
                    .join();
            assertThat(((Reply.Refused) refused).status()).isEqualTo(403);
          }
        } finally {
          runner.interrupt();
          runner.join(30_000);
        }
      } finally {
        chainNode.stop();
      }
    }
    assertThat(PortsFile.in(home)).doesNotExist();
  }
}
