package io.aurelius.core.transport.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.protocol.InMemoryPeerDirectory;
import io.aurelius.core.protocol.ProtocolClock;
import io.aurelius.core.protocol.ProtocolIdentity;
import io.aurelius.core.protocol.ResponseCheck;
import io.aurelius.core.protocol.btauth.BtAuthHeaders;
import io.aurelius.core.transport.PlainHttpResponse;
import io.aurelius.core.transport.ServerLimits;
import io.aurelius.core.transport.ServerSpec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The server pipeline on an {@link EmbeddedChannel}: routing, early refusals, deadlines. */
class ServerPipelineTest {
  private static final String UUID = "3f2b8c1e-0d4a-4b6e-9c1f-2a7d5e8b9c00";
  private final Ed25519KeyPair serverKey = Ed25519KeyPair.generate();
  private final Ed25519KeyPair clientKey = Ed25519KeyPair.generate();
  private final ProtocolIdentity client = new ProtocolIdentity(clientKey, ProtocolClock.SYSTEM);
  private ServerContext context;
  private EmbeddedChannel channel;

  record Http(int status, Map<String, String> headers, String body) {}

  @BeforeEach
  void setUp() {
    ServerSpec spec =
        ServerSpec.builder(
                serverKey, new InMemoryPeerDirectory().register(clientKey.publicKey(), 1))
            .limits(
                ServerLimits.defaults().toBuilder()
                    .maxBodyBytes(1024)
                    .requestReadTimeout(Duration.ofSeconds(2))
                    .idleTimeout(Duration.ofSeconds(30))
                    .build())
            .route("echo", call -> call.body())
            .plain("/healthz", Set.of("GET"), request -> PlainHttpResponse.text(200, "ok"))
            .build();
    context = ServerContext.create(spec);
    channel = new EmbeddedChannel(new ServerChannelInitializer(context));
  }

  @AfterEach
  void tearDown() {
    channel.finishAndReleaseAll();
    context.close();
  }

  @Test
  void unknownRouteIs404AndTheConnectionCloses() {
    write("POST /v1/missing HTTP/1.1\r\ncontent-length: 2\r\n\r\n{}");
    Http response = response();
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.headers()).containsEntry("connection", "close");
    assertThat(response.body()).contains("no route /v1/missing");
    assertThat(channel.isOpen()).isFalse();
  }

  @Test
  void wrongMethodOnASignedRouteIs405() {
    write("GET /v1/echo HTTP/1.1\r\n\r\n");
    assertThat(response().status()).isEqualTo(405);
  }

  @Test
  void aRefusedRequestIsAnsweredBeforeItsBodyAndTheBodyIsDropped() {
    write("POST /v1/echo HTTP/1.1\r\ncontent-length: 10\r\n\r\n");
    Http response = response();
    assertThat(response.status()).isEqualTo(401);
    assertThat(channel.isOpen()).isTrue(); // still reading the body it announced
    write("0123456789");
    channel.runPendingTasks();
    assertThat(channel.isOpen()).isFalse();
  }

  @Test
  void anOversizedDeclaredBodyIs413WithoutReadingIt() {
    byte[] body = new byte[2048];
    write(
        head(
            client.signRequest(KeyId.of(serverKey.publicKey()), "/v1/echo", body).asMap(),
            body.length));
    Http response = response();
    assertThat(response.status()).isEqualTo(413);
    assertThat(response.body()).contains("body: 2048 bytes (expected: at most 1024)");
    assertThat(context.budget().used()).isZero();
  }

  @Test
  void aSignedCallIsServedOnAWorkerAndItsAnswerIsSigned() {
    byte[] body = "{\"hello\":\"world\"}".getBytes(StandardCharsets.UTF_8);
    Map<String, String> signed =
        client.signRequest(KeyId.of(serverKey.publicKey()), "/v1/echo", body).asMap();
    write(head(signed, body.length) + new String(body, StandardCharsets.UTF_8));
    Http response = awaitResponse();
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"hello\":\"world\"}");
    assertThat(response.headers()).containsEntry("connection", "keep-alive");
    ResponseCheck.Expected expected =
        new ResponseCheck.Expected(
            KeyId.of(serverKey.publicKey()).address(),
            serverKey.scheme(),
            client.hotkey().address(),
            "/v1/echo",
            Long.parseLong(signed.get(BtAuthHeaders.NONCE)));
    assertThat(
            ResponseCheck.check(
                expected,
                name ->
                    response.headers().containsKey(name.toLowerCase(java.util.Locale.ROOT))
                        ? List.of(response.headers().get(name.toLowerCase(java.util.Locale.ROOT)))
                        : List.of(),
                response.body().getBytes(StandardCharsets.UTF_8),
                ProtocolClock.SYSTEM,
                Duration.ofSeconds(2)))
        .isInstanceOf(ResponseCheck.Result.Valid.class);
    assertThat(context.budget().used()).isZero();
  }

  @Test
  void pipelinedRequestsAreAnsweredInOrder() {
    write(
        "GET /healthz HTTP/1.1\r\n\r\nGET /healthz HTTP/1.1\r\n\r\nGET /nowhere HTTP/1.1\r\n\r\n");
    List<Http> answers = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    StringBuilder raw = new StringBuilder();
    while (answers.size() < 3 && System.nanoTime() < deadline) {
      channel.runPendingTasks();
      raw.append(drain());
      answers = parseAll(raw.toString());
    }
    assertThat(answers).extracting(Http::status).containsExactly(200, 200, 404);
  }

  @Test
  void aRequestThatArrivesTooSlowlyIs408AndClosed() {
    write("POST /v1/echo HTTP/1.1\r\ncontent-le");
    channel.advanceTimeBy(1, TimeUnit.SECONDS);
    channel.runScheduledPendingTasks();
    write("ngth: 2\r\n");
    assertThat(drain()).isEmpty();
    channel.advanceTimeBy(1500, TimeUnit.MILLISECONDS);
    channel.runScheduledPendingTasks();
    Http response = response();
    assertThat(response.status()).isEqualTo(408);
    assertThat(response.body()).contains("request not received within 2000 ms");
    channel.runPendingTasks();
    assertThat(channel.isOpen()).isFalse();
    assertThat(context.metrics().snapshot().slowRequestsCut()).isEqualTo(1);
  }

  @Test
  void anIdleKeptAliveConnectionIsClosed() {
    write("GET /healthz HTTP/1.1\r\n\r\n");
    assertThat(awaitResponse().status()).isEqualTo(200);
    assertThat(channel.isOpen()).isTrue();
    channel.advanceTimeBy(31, TimeUnit.SECONDS);
    channel.runScheduledPendingTasks();
    channel.runPendingTasks();
    assertThat(channel.isOpen()).isFalse();
  }

  private static String head(Map<String, String> headers, int length) {
    StringBuilder s = new StringBuilder("POST /v1/echo HTTP/1.1\r\n");
    headers.forEach((k, v) -> s.append(k).append(": ").append(v).append("\r\n"));
    return s.append("content-length: ").append(length).append("\r\n\r\n").toString();
  }

  private void write(String text) {
    channel.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1));
  }

  private String drain() {
    StringBuilder out = new StringBuilder();
    for (Object o = channel.readOutbound(); o != null; o = channel.readOutbound()) {
      ByteBuf buf = (ByteBuf) o;
      try {
        out.append(buf.toString(StandardCharsets.ISO_8859_1));
      } finally {
        buf.release();
      }
    }
    return out.toString();
  }

  private Http response() {
    List<Http> all = parseAll(drain());
    assertThat(all).hasSize(1);
    return all.get(0);
  }

  private Http awaitResponse() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    StringBuilder raw = new StringBuilder();
    while (System.nanoTime() < deadline) {
      channel.runPendingTasks();
      raw.append(drain());
      List<Http> all = parseAll(raw.toString());
      if (!all.isEmpty()) {
        return all.get(0);
      }
      Thread.onSpinWait();
    }
    throw new AssertionError("no response within 10 s");
  }

  private static List<Http> parseAll(String raw) {
    List<Http> out = new ArrayList<>();
    int at = 0;
    while (true) {
      int end = raw.indexOf("\r\n\r\n", at);
      if (end < 0) {
        return out;
      }
      String[] lines = raw.substring(at, end).split("\r\n");
      Map<String, String> headers = new LinkedHashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        headers.put(
            lines[i].substring(0, colon).toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).trim());
      }
      int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
      if (end + 4 + length > raw.length()) {
        return out;
      }
      String body = raw.substring(end + 4, end + 4 + length);
      out.add(new Http(Integer.parseInt(lines[0].split(" ")[1]), headers, body));
      at = end + 4 + length;
    }
  }
}
