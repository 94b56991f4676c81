package io.aurelius.core.githttp;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.protocol.InMemoryPeerDirectory;
import io.aurelius.core.transport.ClientLimits;
import io.aurelius.core.transport.PeerEndpoint;
import io.aurelius.core.transport.PlainHttpResponse;
import io.aurelius.core.transport.ProtocolClient;
import io.aurelius.core.transport.ProtocolServer;
import io.aurelius.core.transport.ServerLimits;
import io.aurelius.core.transport.ServerSpec;
import io.aurelius.core.transport.netty.NettyProtocolClient;
import io.aurelius.core.transport.netty.NettyProtocolServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, finding 3: parallel unauthenticated upload-packs made {@code /healthz} take 12-15 s.
 * Git now runs in the server's bulk lane (its own workers, queue and body budget), so under a git
 * flood on loopback {@code /healthz} still answers at once.
 */
class GitFloodIT {
  private static final int LOADERS = 24;
  private static final Ed25519KeyPair ALICE_KEY = Ed25519KeyPair.generate();

  record Ping(String ping) {}

  @TempDir Path home;
  private ProtocolServer server;
  private ProtocolClient alice;
  private UploadPackLoad load;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeEach
  void setUp() throws Exception {
    load = UploadPackLoad.create(home, 2_048);
    GitMount git = load.mount();
    server =
        NettyProtocolServer.start(
            ServerSpec.builder(
                    Ed25519KeyPair.generate(),
                    new InMemoryPeerDirectory().register(ALICE_KEY.publicKey(), 1_000))
                .limits(
                    ServerLimits.defaults().toBuilder()
                        .bulkWorkers(1, 32)
                        .bulkRate(1e6, 1_000_000) // this test is about the lane, not the limit
                        .maxBulkBufferedBytes(3 << 19)
                        .build())
                .name("it-git")
                .bulk(GitMount.PREFIX, Set.of("GET", "POST"), git.maxRequestBytes(), git)
                .plain("/healthz", Set.of("GET"), request -> PlainHttpResponse.text(200, "ok\n"))
                .route("ping", call -> call.bodyAs(Ping.class))
                .build());
    alice =
        NettyProtocolClient.create(
            ALICE_KEY, ClientLimits.defaults().withRequestTimeout(Duration.ofSeconds(30)));
  }

  @AfterEach
  void tearDown() {
    alice.close();
    server.close();
  }

  @Test
  void healthzAnswersPromptlyUnderAParallelUploadPackFlood() throws Exception {
    List<Long> idle = healthzMillis(20);
    byte[] negotiation = load.negotiation();
    Map<Integer, LongAdder> gitStatuses = new ConcurrentHashMap<>();
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService loaders = Executors.newFixedThreadPool(LOADERS);
    for (int i = 0; i < LOADERS; i++) {
      loaders.execute(
          () -> {
            while (!stop.get()) {
              int status = uploadPack(negotiation);
              gitStatuses.computeIfAbsent(status, s -> new LongAdder()).increment();
              if (status != 200) {
                pause(20);
              }
            }
          });
    }
    List<Long> during;
    List<Long> pings;
    try {
      pause(500);
      during = healthzMillis(30);
      pings = pingMillis(30);
    } finally {
      stop.set(true);
      loaders.shutdown();
      assertThat(loaders.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }
    System.out.printf(
        "healthz ms idle p50 %d max %d; under %d git loaders p50 %d p99 %d max %d; signed call"
            + " p50 %d max %d; git statuses %s%n",
        idle.get(idle.size() / 2),
        idle.get(idle.size() - 1),
        LOADERS,
        during.get(during.size() / 2),
        during.get(during.size() * 99 / 100),
        during.get(during.size() - 1),
        pings.get(pings.size() / 2),
        pings.get(pings.size() - 1),
        gitStatuses);
    assertThat(gitStatuses.get(200).sum()).isPositive(); // the flood did real work
    // Before: git shared the 4 plain workers, so each /healthz queued behind ~24 negotiations of
    // ~0.26 s each. The machine's other load can still delay a single answer; the median cannot.
    assertThat(during.get(during.size() / 2)).isLessThan(250);
    assertThat(during.get(during.size() - 1)).isLessThan(3_000);
    // Git bodies are held in the bulk budget: signed calls keep theirs.
    assertThat(pings.get(pings.size() / 2)).isLessThan(250);
  }

  /** {@code count} sequential signed calls, each answered and verified, sorted by duration. */
  private List<Long> pingMillis(int count) {
    PeerEndpoint endpoint = server.loopbackEndpoint();
    List<Long> times = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long t0 = System.nanoTime();
      Ping back = alice.call(endpoint, "ping", new Ping("p" + i)).join().orThrow().as(Ping.class);
      times.add((System.nanoTime() - t0) / 1_000_000);
      assertThat(back.ping()).isEqualTo("p" + i);
      pause(20);
    }
    times.sort(null);
    return times;
  }

  /** {@code count} sequential /healthz round trips, each 200, sorted by duration. */
  private List<Long> healthzMillis(int count) throws Exception {
    List<Long> times = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long t0 = System.nanoTime();
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(uri("/healthz")).timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
      times.add((System.nanoTime() - t0) / 1_000_000);
      assertThat(r.statusCode()).isEqualTo(200);
      pause(50);
    }
    times.sort(null);
    return times;
  }

  private int uploadPack(byte[] body) {
    try {
      return http.send(
              HttpRequest.newBuilder(uri(UploadPackLoad.PATH))
                  .header("Content-Type", UploadPackLoad.CONTENT_TYPE)
                  .timeout(Duration.ofSeconds(30))
                  .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (Exception e) {
      return -1;
    }
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
