package io.aurelius.core.transport.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.crypto.Sr25519KeyPair;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonLimits;
import io.aurelius.core.protocol.InMemoryPeerDirectory;
import io.aurelius.core.protocol.ManualProtocolClock;
import io.aurelius.core.protocol.ProtocolClock;
import io.aurelius.core.protocol.ProtocolHeaders;
import io.aurelius.core.protocol.ProtocolIdentity;
import io.aurelius.core.protocol.ProtocolStatus;
import io.aurelius.core.protocol.btauth.BtAuthHeaders;
import io.aurelius.core.transport.CallRefusedException;
import io.aurelius.core.transport.ClientLimits;
import io.aurelius.core.transport.PeerEndpoint;
import io.aurelius.core.transport.PlainHttpResponse;
import io.aurelius.core.transport.ProtocolClient;
import io.aurelius.core.transport.ProtocolServer;
import io.aurelius.core.transport.Reply;
import io.aurelius.core.transport.ServerLimits;
import io.aurelius.core.transport.ServerSpec;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The signed protocol against a real server on loopback: every kind of bad input gets its status,
 * changes nothing (the ledger behind the route stays as it was), and the node keeps answering
 * others.
 */
class SignedProtocolIT {
  private static final int MAX_BODY = 64 * 1024;
  private static final Duration READ_TIMEOUT = Duration.ofMillis(1500);

  private static final Ed25519KeyPair SERVER_KEY = Ed25519KeyPair.generate();
  private static final Ed25519KeyPair ALICE_KEY = Ed25519KeyPair.generate();
  private static final Ed25519KeyPair FLOODER_KEY = Ed25519KeyPair.generate();
  private static final Ed25519KeyPair STRANGER_KEY = Ed25519KeyPair.generate();
  private static final Ed25519KeyPair BANNED_KEY = Ed25519KeyPair.generate();
  private static final List<String> LEDGER = new CopyOnWriteArrayList<>();

  private static ProtocolServer server;
  private static ProtocolClient alice;
  private static PeerEndpoint endpoint;

  record Entry(String entry) {}

  record Size(int size) {}

  @BeforeAll
  static void start() {
    server =
        startServer(
            ServerLimits.defaults().toBuilder()
                .maxBodyBytes(MAX_BODY)
                .rate(1000, 1000)
                .requestReadTimeout(READ_TIMEOUT)
                .build());
    endpoint = server.loopbackEndpoint();
    alice =
        NettyProtocolClient.create(
            ALICE_KEY, ClientLimits.defaults().withRequestTimeout(Duration.ofSeconds(10)));
  }

  private static ProtocolServer startServer(ServerLimits limits) {
    InMemoryPeerDirectory directory =
        new InMemoryPeerDirectory()
            .register(ALICE_KEY.publicKey(), 1_000)
            .register(FLOODER_KEY.publicKey(), 10)
            .ban(key(BANNED_KEY), "copied weights");
    return NettyProtocolServer.start(
        ServerSpec.builder(SERVER_KEY, directory)
            .limits(limits)
            .name("it-server")
            .route(
                "ledger/append",
                call -> {
                  String entry = call.bodyAs(Entry.class).entry();
                  if (entry.isBlank()) {
                    throw new CallRefusedException(
                        ProtocolStatus.UNPROCESSABLE, "entry: blank (expected: text)");
                  }
                  LEDGER.add(entry);
                  return new Size(LEDGER.size());
                })
            .route(
                "boom",
                call -> {
                  throw new IllegalStateException("handler bug");
                })
            .plain("/healthz", Set.of("GET"), request -> PlainHttpResponse.text(200, "ok\n"))
            .build());
  }

  @AfterAll
  static void stop() {
    alice.close();
    server.close();
  }

  @Test
  void aSignedCallIsAnsweredWithAVerifiedSignedResponse() {
    int before = LEDGER.size();
    Reply reply = alice.call(endpoint, "ledger/append", new Entry("first")).join();
    Reply.Ok ok = reply.orThrow();
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.as(Size.class).size()).isEqualTo(before + 1);
    assertThat(LEDGER).contains("first");
    assertThat(ok.requestId()).matches("[0-9a-f]{16}");
  }

  @Test
  void connectionsAreReusedAcrossCalls() {
    for (int i = 0; i < 5; i++) {
      alice.call(endpoint, "ledger/append", new Entry("reuse-" + i)).join().orThrow();
    }
    assertThat(server.stats().openConnections()).isLessThanOrEqualTo(2);
  }

  @Test
  void unsigned() throws Exception {
    assertRefusedAndNothingChanged(
        RawHttp.request("POST", "/v1/ledger/append", Map.of(), entry("x")),
        401,
        "MalformedAuth: missing X-Bittensor-Version");
    Map<String, String> noSignature = signedHeaders(ALICE_KEY, SERVER_KEY, entry("x"));
    noSignature.remove(BtAuthHeaders.SIGNATURE);
    assertRefusedAndNothingChanged(
        RawHttp.request("POST", "/v1/ledger/append", noSignature, entry("x")),
        401,
        "MalformedAuth: missing X-Bittensor-Signature");
  }

  @Test
  void wrongReceiver() throws Exception {
    byte[] body = entry("x");
    assertRefusedAndNothingChanged(
        RawHttp.request(
            "POST", "/v1/ledger/append", signedHeaders(ALICE_KEY, STRANGER_KEY, body), body),
        401,
        "WrongReceiver");
  }

  @Test
  void replayed() throws Exception {
    byte[] body = entry("once");
    byte[] request =
        RawHttp.request(
            "POST", "/v1/ledger/append", signedHeaders(ALICE_KEY, SERVER_KEY, body), body);
    RawHttp.Response first = RawHttp.exchange(server.port(), request);
    assertThat(first.status()).isEqualTo(200);
    assertRefusedAndNothingChanged(request, 401, "ReplayedRequest");
  }

  @Test
  void stale() throws Exception {
    ManualProtocolClock past = ManualProtocolClock.atSystemTime();
    past.advance(Duration.ofSeconds(-11));
    byte[] body = entry("late");
    Map<String, String> headers =
        new HashMap<>(
            new ProtocolIdentity(ALICE_KEY, past)
                .signRequest(key(SERVER_KEY), "/v1/ledger/append", body)
                .asMap());
    assertRefusedAndNothingChanged(
        RawHttp.request("POST", "/v1/ledger/append", headers, body),
        401,
        "StaleRequest: nonce is older than");
  }

  @Test
  void futureDated() throws Exception {
    ManualProtocolClock ahead = ManualProtocolClock.atSystemTime();
    ahead.advance(Duration.ofSeconds(60));
    byte[] body = entry("early");
    Map<String, String> headers =
        new HashMap<>(
            new ProtocolIdentity(ALICE_KEY, ahead)
                .signRequest(key(SERVER_KEY), "/v1/ledger/append", body)
                .asMap());
    assertRefusedAndNothingChanged(
        RawHttp.request("POST", "/v1/ledger/append", headers, body),
        401,
        "StaleRequest: nonce is more than");
  }

  @Test
  void oversized() throws Exception {
    byte[] body = ("{\"entry\":\"" + "x".repeat(2 << 20) + "\"}").getBytes(StandardCharsets.UTF_8);
    assertRefusedAndNothingChanged(
        RawHttp.request(
            "POST", "/v1/ledger/append", signedHeaders(ALICE_KEY, SERVER_KEY, body), body),
        413,
        "bytes (expected: at most " + MAX_BODY + ")");
  }

  @Test
  void oversizedChunkedBodyIsCutAtTheLimit() throws Exception {
    byte[] body = ("{\"entry\":\"" + "x".repeat(MAX_BODY) + "\"}").getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = signedHeaders(ALICE_KEY, SERVER_KEY, body);
    headers.put("transfer-encoding", "chunked");
    StringBuilder head =
        new StringBuilder("POST /v1/ledger/append HTTP/1.1\r\nhost: localhost\r\n");
    headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
    head.append("\r\n");
    byte[] h = head.toString().getBytes(StandardCharsets.ISO_8859_1);
    byte[] chunkHead =
        (Integer.toHexString(body.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    byte[] tail = "\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
    byte[] request = concat(h, chunkHead, body, tail);
    assertRefusedAndNothingChanged(request, 413, "(expected: at most " + MAX_BODY + ")");
  }

  @Test
  void malformedJson() throws Exception {
    byte[] body = "{\"entry\": \"unterminated".getBytes(StandardCharsets.UTF_8);
    assertRefusedAndNothingChanged(
        RawHttp.request(
            "POST", "/v1/ledger/append", signedHeaders(ALICE_KEY, SERVER_KEY, body), body),
        400,
        "malformed JSON");
  }

  @Test
  void wellFormedJsonOfTheWrongShape() throws Exception {
    byte[] body = "{\"entry\":\"x\",\"extra\":1}".getBytes(StandardCharsets.UTF_8);
    assertRefusedAndNothingChanged(
        RawHttp.request(
            "POST", "/v1/ledger/append", signedHeaders(ALICE_KEY, SERVER_KEY, body), body),
        400,
        "extra");
  }

  @Test
  void wrongBodyHash() throws Exception {
    byte[] signedBody = entry("signed");
    byte[] sentBody = entry("sneaky");
    assertThat(sentBody).hasSameSizeAs(signedBody);
    assertRefusedAndNothingChanged(
        RawHttp.request(
            "POST",
            "/v1/ledger/append",
            signedHeaders(ALICE_KEY, SERVER_KEY, signedBody),
            sentBody),
        401,
        "BadSignature: signature does not verify");
  }

  @Test
  void unregisteredSender() throws Exception {
    byte[] body = entry("x");
    assertRefusedAndNothingChanged(
        RawHttp.request(
            "POST", "/v1/ledger/append", signedHeaders(STRANGER_KEY, SERVER_KEY, body), body),
        403,
        "is not registered");
    assertRefusedAndNothingChanged(
        RawHttp.request(
            "POST", "/v1/ledger/append", signedHeaders(BANNED_KEY, SERVER_KEY, body), body),
        403,
        "is banned: copied weights");
  }

  @Test
  void unknownRouteWrongMethodAndMalformedHttp() throws Exception {
    assertRefusedAndNothingChanged(
        RawHttp.request("POST", "/v1/nope", Map.of(), entry("x")), 404, "no route /v1/nope");
    assertRefusedAndNothingChanged(
        RawHttp.request("GET", "/v1/ledger/append", Map.of(), new byte[0]),
        405,
        "(expected: POST)");
    assertRefusedAndNothingChanged(
        "GARBAGE\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 400, "malformed HTTP request");
  }

  @Test
  void handlerRefusalAndHandlerBugAreSignedAndCarryARequestId() {
    Reply refused = alice.call(endpoint, "ledger/append", new Entry(" ")).join();
    assertThat(refused)
        .isInstanceOfSatisfying(
            Reply.Refused.class,
            r -> {
              assertThat(r.status()).isEqualTo(422);
              assertThat(r.message()).isEqualTo("entry: blank (expected: text)");
              assertThat(r.signed()).isTrue();
            });
    Reply boom = alice.call(endpoint, "boom", Map.of()).join();
    assertThat(boom)
        .isInstanceOfSatisfying(
            Reply.Refused.class,
            r -> {
              assertThat(r.status()).isEqualTo(500);
              assertThat(r.requestId()).isPresent();
              assertThat(r.message())
                  .isEqualTo("internal error (request id " + r.requestId().get() + ")");
              assertThat(r.signed()).isTrue();
            });
  }

  @Test
  void plainRoutesNeedNoSignature() throws Exception {
    RawHttp.Response health =
        RawHttp.exchange(server.port(), RawHttp.request("GET", "/healthz", Map.of(), new byte[0]));
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.text()).isEqualTo("ok\n");
  }

  @Test
  void aFloodFromOneHotkeyIs429WhileOthersAreServedNormally() throws Exception {
    // A server of its own, with a tight limit: 20 calls a second per hotkey.
    ProtocolServer limited = startServer(ServerLimits.defaults().toBuilder().rate(20, 20).build());
    PeerEndpoint target = limited.loopbackEndpoint();
    ProtocolClient flooder =
        NettyProtocolClient.create(
            FLOODER_KEY, ClientLimits.defaults().withMaxConnectionsPerPeer(8));
    try {
      long baseline = medianMillis(alice, target, 10);
      List<CompletableFuture<Reply>> flood = new ArrayList<>();
      long floodStart = System.nanoTime();
      for (int i = 0; i < 300; i++) {
        flood.add(flooder.call(target, "ledger/append", new Entry("flood-" + i)));
      }
      List<Long> during = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        long t0 = System.nanoTime();
        alice.call(target, "ledger/append", new Entry("during-flood-" + i)).join().orThrow();
        during.add((System.nanoTime() - t0) / 1_000_000);
      }
      CompletableFuture.allOf(flood.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
      double floodSeconds = (System.nanoTime() - floodStart) / 1e9;
      long ok = flood.stream().filter(f -> f.join() instanceof Reply.Ok).count();
      long limitedCount =
          flood.stream()
              .filter(f -> f.join() instanceof Reply.Refused r && r.status() == 429)
              .count();
      assertThat(ok + limitedCount).isEqualTo(300);
      // at most the burst plus what refilled while the flood lasted got through
      assertThat(ok)
          .isGreaterThanOrEqualTo(20)
          .isLessThanOrEqualTo(20 + (long) (20 * floodSeconds) + 1);
      assertThat(LEDGER.stream().filter(e -> e.startsWith("flood-")).count()).isEqualTo(ok);
      assertThat(limited.stats().responses(429)).isEqualTo(limitedCount);
      // The other sender stays within its normal latency (generously bounded: shared CI cores).
      during.sort(null);
      assertThat(during.get(during.size() / 2)).isLessThanOrEqualTo(Math.max(1000, 20 * baseline));
    } finally {
      flooder.close();
      limited.close();
      LEDGER.removeIf(e -> e.startsWith("flood-") || e.startsWith("during-flood-"));
    }
  }

  @Test
  void aSlowClientTricklingBytesIsCutOffWithoutHarmingOthers() throws Exception {
    long baseline = medianMillis(alice, endpoint, 10);
    byte[] body = entry("slow");
    byte[] request =
        RawHttp.request(
            "POST", "/v1/ledger/append", signedHeaders(ALICE_KEY, SERVER_KEY, body), body);
    int before = LEDGER.size();
    long cutBefore = server.stats().slowRequestsCut();
    try (Socket socket = RawHttp.connect(server.port())) {
      CompletableFuture<Void> trickling =
          CompletableFuture.runAsync(
              () -> {
                try {
                  RawHttp.trickle(socket.getOutputStream(), request, 50);
                } catch (Exception e) {
                  // the server cut us off: expected
                }
              });
      List<Long> during = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        long t0 = System.nanoTime();
        alice.call(endpoint, "ledger/append", new Entry("beside-slow-" + i)).join().orThrow();
        during.add((System.nanoTime() - t0) / 1_000_000);
      }
      long t0 = System.nanoTime();
      InputStream in = socket.getInputStream();
      RawHttp.Response response = RawHttp.read(in);
      assertThat(response.status()).isEqualTo(408);
      assertThat(response.text()).contains("request not received within 1500 ms");
      assertThat(in.read()).isEqualTo(-1); // and the connection is closed
      assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(10_000);
      trickling.get(30, TimeUnit.SECONDS);
      during.sort(null);
      assertThat(during.get(during.size() / 2)).isLessThanOrEqualTo(Math.max(1000, 20 * baseline));
    }
    assertThat(LEDGER.stream().filter("slow"::equals)).isEmpty();
    assertThat(LEDGER.size()).isEqualTo(before + 10);
    assertThat(server.stats().slowRequestsCut()).isGreaterThan(cutBefore);
  }

  @Test
  void aBusyServerAnswers503WhenItsQueueIsFullAnd408WhenACallWaitsTooLong() throws Exception {
    java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    InMemoryPeerDirectory directory =
        new InMemoryPeerDirectory().register(ALICE_KEY.publicKey(), 5);
    ProtocolServer busy =
        NettyProtocolServer.start(
            ServerSpec.builder(SERVER_KEY, directory)
                .limits(
                    ServerLimits.defaults().toBuilder()
                        .workers(1)
                        .queue(1, Duration.ofMillis(300))
                        .build())
                .name("it-busy")
                .route(
                    "hold",
                    call -> {
                      entered.countDown();
                      release.await(30, TimeUnit.SECONDS);
                      return Map.of("held", true);
                    })
                .build());
    PeerEndpoint target = busy.loopbackEndpoint();
    try {
      CompletableFuture<Reply> running = alice.call(target, "hold", Map.of());
      assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
      CompletableFuture<Reply> waiting = alice.call(target, "hold", Map.of());
      while (busy.stats().queued() < 1) {
        Thread.sleep(5);
      }
      Reply full = alice.call(target, "hold", Map.of()).get(10, TimeUnit.SECONDS);
      assertThat(full)
          .isInstanceOfSatisfying(
              Reply.Refused.class,
              r -> {
                assertThat(r.status()).isEqualTo(503);
                // Refused before the worker checked its signature: nothing is signed for it.
                assertThat(r.signed()).isFalse();
              });
      assertThat(waiting.get(10, TimeUnit.SECONDS))
          .isInstanceOfSatisfying(
              Reply.Refused.class,
              r -> {
                assertThat(r.status()).isEqualTo(408);
                assertThat(r.message()).contains("for a worker (limit 300 ms)");
              });
      release.countDown();
      assertThat(running.get(10, TimeUnit.SECONDS)).isInstanceOf(Reply.Ok.class);
      assertThat(busy.stats().handlerCalls()).isEqualTo(1);
    } finally {
      release.countDown();
      busy.close();
    }
  }

  @Test
  void sr25519NodesTalkAndAnAnswerUnderAnotherSchemeThanRegisteredIsUnverified() throws Exception {
    Sr25519KeyPair serverKey = Sr25519KeyPair.generate();
    Sr25519KeyPair clientKey = Sr25519KeyPair.generate();
    try (ProtocolServer sr =
            NettyProtocolServer.start(
                ServerSpec.builder(
                        serverKey, new InMemoryPeerDirectory().register(clientKey.publicKey(), 3))
                    .route("echo", call -> call.body())
                    .build());
        ProtocolClient client = NettyProtocolClient.create(clientKey, ClientLimits.defaults())) {
      Reply ok = client.call(sr.loopbackEndpoint(), "echo", Map.of("a", 1)).join();
      assertThat(ok).isInstanceOf(Reply.Ok.class);
      assertThat(new String(((Reply.Ok) ok).body(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
      PeerEndpoint misregistered =
          new PeerEndpoint("127.0.0.1", sr.port(), sr.hotkey(), KeyScheme.ED25519);
      Reply wrong = client.call(misregistered, "echo", Map.of("a", 2)).join();
      assertThat(wrong)
          .isInstanceOfSatisfying(
              Reply.Failed.class,
              f -> {
                assertThat(f.failure()).isEqualTo(Reply.Failure.UNVERIFIED);
                assertThat(f.message()).contains("response claims scheme sr25519");
              });
    }
  }

  @Test
  void aCallAddressedToAnotherHotkeyIsRefusedByTheServerItReached() {
    PeerEndpoint impostor =
        new PeerEndpoint("127.0.0.1", server.port(), key(STRANGER_KEY), KeyScheme.ED25519);
    Reply reply = alice.call(impostor, "ledger/append", new Entry("x")).join();
    assertThat(reply)
        .isInstanceOfSatisfying(
            Reply.Refused.class,
            r -> {
              assertThat(r.status()).isEqualTo(401);
              assertThat(r.message()).startsWith("WrongReceiver: ");
              assertThat(r.signed()).isFalse();
            });
  }

  @Test
  void clientFailuresAreTyped() throws Exception {
    int closedPort;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    Reply refused =
        alice
            .call(
                new PeerEndpoint("127.0.0.1", closedPort, server.hotkey(), KeyScheme.ED25519),
                "ledger/append",
                new Entry("x"))
            .join();
    assertThat(refused)
        .isInstanceOfSatisfying(
            Reply.Failed.class, f -> assertThat(f.failure()).isEqualTo(Reply.Failure.CONNECT));

    try (java.net.ServerSocket silent = new java.net.ServerSocket(0);
        ProtocolClient impatient =
            NettyProtocolClient.create(
                ALICE_KEY, ClientLimits.defaults().withRequestTimeout(Duration.ofMillis(300)))) {
      Reply timedOut =
          impatient
              .call(
                  new PeerEndpoint(
                      "127.0.0.1", silent.getLocalPort(), server.hotkey(), KeyScheme.ED25519),
                  "ledger/append",
                  new Entry("x"))
              .get(10, TimeUnit.SECONDS);
      assertThat(timedOut)
          .isInstanceOfSatisfying(
              Reply.Failed.class, f -> assertThat(f.failure()).isEqualTo(Reply.Failure.TIMEOUT));
    }
  }

  @Test
  void aCallsOwnDeadlineOverridesTheClientsRequestTimeout() throws Exception {
    try (java.net.ServerSocket silent = new java.net.ServerSocket(0)) {
      PeerEndpoint mute =
          new PeerEndpoint("127.0.0.1", silent.getLocalPort(), server.hotkey(), KeyScheme.ED25519);
      long t0 = System.nanoTime();
      Reply shortWait =
          alice
              .call(mute, "ledger/append", new Entry("x"), Duration.ofMillis(300))
              .get(10, TimeUnit.SECONDS);
      long waitedMillis = (System.nanoTime() - t0) / 1_000_000;
      assertThat(shortWait)
          .isInstanceOfSatisfying(
              Reply.Failed.class, f -> assertThat(f.failure()).isEqualTo(Reply.Failure.TIMEOUT));
      assertThat(waitedMillis)
          .as("the call's 300 ms, not the client's 10 s")
          .isBetween(250L, 5_000L);
    }
    Reply.Ok ok =
        alice
            .call(endpoint, "ledger/append", new Entry("in time"), Duration.ofSeconds(5))
            .join()
            .orThrow();
    assertThat(ok.status()).isEqualTo(200);
    assertThatThrownBy(() -> alice.call(endpoint, "ledger/append", new Entry("x"), Duration.ZERO))
        .hasMessageContaining("timeout: PT0S (expected: positive)");
  }

  // ---------------------------------------------------------------------------------------

  private static void assertRefusedAndNothingChanged(byte[] request, int status, String message)
      throws Exception {
    List<String> before = List.copyOf(LEDGER);
    RawHttp.Response response = RawHttp.exchange(server.port(), request);
    assertThat(response.status()).as(response.text()).isEqualTo(status);
    JsonNode error = Json.parse(response.body(), "error", JsonLimits.UNTRUSTED);
    assertThat(error.get("error").textValue()).contains(message);
    assertThat(error.get("status").intValue()).isEqualTo(status);
    assertThat(response.headers()).containsKey(ProtocolHeaders.REQUEST_ID);
    assertThat(LEDGER).isEqualTo(before);
    // and the node still answers a good call
    alice.call(endpoint, "ledger/append", new Entry("after-" + status)).join().orThrow();
    LEDGER.remove(LEDGER.size() - 1);
  }

  private static long medianMillis(ProtocolClient client, PeerEndpoint target, int calls) {
    List<Long> times = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      long t0 = System.nanoTime();
      client.call(target, "ledger/append", new Entry("baseline")).join().orThrow();
      times.add((System.nanoTime() - t0) / 1_000_000);
    }
    LEDGER.removeIf("baseline"::equals);
    times.sort(null);
    return times.get(times.size() / 2);
  }

  private static Map<String, String> signedHeaders(
      Ed25519KeyPair sender, Ed25519KeyPair receiver, byte[] body) {
    return new HashMap<>(
        new ProtocolIdentity(sender, ProtocolClock.SYSTEM)
            .signRequest(key(receiver), "/v1/ledger/append", body)
            .asMap());
  }

  private static byte[] entry(String text) {
    return ("{\"entry\":\"" + text + "\"}").getBytes(StandardCharsets.UTF_8);
  }

  private static KeyId key(Ed25519KeyPair pair) {
    return KeyId.of(pair.publicKey());
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }
}
