package io.aurelius.core.transport.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.metrics.MetricsRegistry;
import io.aurelius.core.ops.NodeStatus;
import io.aurelius.core.ops.OpsRoutes;
import io.aurelius.core.protocol.InMemoryPeerDirectory;
import io.aurelius.core.protocol.ManualProtocolClock;
import io.aurelius.core.protocol.ProtocolClock;
import io.aurelius.core.protocol.ProtocolIdentity;
import io.aurelius.core.protocol.ProtocolStatus;
import io.aurelius.core.service.Service;
import io.aurelius.core.transport.CallRefusedException;
import io.aurelius.core.transport.ProtocolServer;
import io.aurelius.core.transport.ServerLimits;
import io.aurelius.core.transport.ServerSpec;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 item 5: every kind of refusal a real server gives is counted in its {@code /metrics} by
 * route, status and reason, with the route label taken from the route table (unknown paths share
 * one label), and the server's own counters are exported once.
 */
class RefusalMetricsIT {
  private static final String ROUTE = "ledger/append";
  private static final String PATH = "/v1/" + ROUTE;

  private final Ed25519KeyPair serverKey = Ed25519KeyPair.generate();
  private final Ed25519KeyPair alice = Ed25519KeyPair.generate();
  private final Ed25519KeyPair stranger = Ed25519KeyPair.generate();
  private final Ed25519KeyPair banned = Ed25519KeyPair.generate();
  private final MetricsRegistry registry = new MetricsRegistry();
  private ProtocolServer server;

  @BeforeEach
  void start() {
    InMemoryPeerDirectory directory =
        new InMemoryPeerDirectory()
            .register(alice.publicKey(), 1_000)
            .ban(KeyId.of(banned.publicKey()), "copied weights");
    ServerLimits limits =
        ServerLimits.defaults().toBuilder()
            .maxBodyBytes(1024)
            .requestReadTimeout(Duration.ofMillis(500))
            // Alice's authentic calls: 1 bad JSON, 2 the handler refuses, 3 rate-limited (its
            // nonce is recorded), then the replay store (4 pairs) is full.
            .rate(0.001, 2)
            .replayCapacity(3)
            .build();
    ServerSpec.Builder builder =
        ServerSpec.builder(serverKey, directory)
            .limits(limits)
            .name("refusal-it")
            .route(
                ROUTE,
                call -> {
                  throw new CallRefusedException(
                      ProtocolStatus.UNPROCESSABLE, "entry: blank (expected: text)");
                });
    server =
        NettyProtocolServer.start(
            OpsRoutes.addTo(
                    builder, () -> NodeStatus.of("miner", "5Fhot", Service.State.RUNNING), registry)
                .build());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void everyRefusalIsCountedByRouteStatusAndReason() throws Exception {
    byte[] body = "{\"entry\":\"\"}".getBytes(StandardCharsets.UTF_8);

    // 400 before authentication, and 404 for unknown signed routes whatever the method
    expect(400, raw("POST", PATH + "?x=1", signed(alice, serverKey, body), body));
    expect(404, raw("POST", "/v1/no-such-route", Map.of(), body));
    expect(404, raw("GET", "/v1/other/unknown", Map.of(), new byte[0]));
    expect(405, raw("GET", PATH, Map.of(), new byte[0]));
    expect(404, raw("GET", "/no-such-page", Map.of(), new byte[0]));

    // 401 by btauth/1 reason, 403
    expect(401, raw("POST", PATH, Map.of(), body));
    expect(401, raw("POST", PATH, signed(alice, stranger, body), body));
    ManualProtocolClock past = ManualProtocolClock.atSystemTime();
    past.advance(Duration.ofMinutes(-5));
    expect(401, raw("POST", PATH, signed(alice, serverKey, body, past), body));
    expect(
        401,
        raw(
            "POST",
            PATH,
            signed(alice, serverKey, body),
            "{\"entry\":\"x\"}".getBytes(StandardCharsets.UTF_8)));
    expect(403, raw("POST", PATH, signed(stranger, serverKey, body), body));
    expect(403, raw("POST", PATH, signed(banned, serverKey, body), body));

    // 413: declared over the route's limit
    byte[] big = new byte[2048];
    expect(413, raw("POST", PATH, signed(alice, serverKey, big), big));

    // authentic calls: 400 bad JSON, 422 from the handler, a replay, 429, then 503
    byte[] notJson = "{not json".getBytes(StandardCharsets.UTF_8);
    expect(400, raw("POST", PATH, signed(alice, serverKey, notJson), notJson));
    byte[] first = raw("POST", PATH, signed(alice, serverKey, body), body);
    expect(422, first);
    expect(401, first);
    expect(429, raw("POST", PATH, signed(alice, serverKey, body), body));
    expect(503, raw("POST", PATH, signed(alice, serverKey, body), body));

    // 408: a body that never arrives
    try (Socket socket = RawHttp.connect(server.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST " + PATH + " HTTP/1.1\r\nhost: localhost\r\ncontent-length: 10\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      for (Map.Entry<String, String> h : signed(alice, serverKey, new byte[10]).entrySet()) {
        out.write((h.getKey() + ": " + h.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
      }
      out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      assertThat(RawHttp.read(socket.getInputStream()).status()).isEqualTo(408);
    }

    Map<String, Double> refusals = refusals(scrape());
    assertThat(refusals)
        .containsEntry("unknown 404 NoRoute", 2.0)
        .containsEntry(ROUTE + " 400 QueryString", 1.0)
        .containsEntry(ROUTE + " 405 MethodNotAllowed", 1.0)
        .containsEntry("/ 404 Handler", 1.0)
        .containsEntry(ROUTE + " 401 MalformedAuth", 1.0)
        .containsEntry(ROUTE + " 401 WrongReceiver", 1.0)
        .containsEntry(ROUTE + " 401 StaleRequest", 1.0)
        .containsEntry(ROUTE + " 401 BadSignature", 1.0)
        .containsEntry(ROUTE + " 401 ReplayedRequest", 1.0)
        .containsEntry(ROUTE + " 403 NotRegistered", 1.0)
        .containsEntry(ROUTE + " 403 Banned", 1.0)
        .containsEntry(ROUTE + " 413 BodyTooLarge", 1.0)
        .containsEntry(ROUTE + " 400 BadJson", 1.0)
        .containsEntry(ROUTE + " 422 Handler", 1.0)
        .containsEntry(ROUTE + " 429 RateLimited", 1.0)
        .containsEntry(ROUTE + " 503 ReplayStoreFull", 1.0)
        .containsEntry(ROUTE + " 408 SlowRequest", 1.0);
  }

  @Test
  void theServersCountersAreExportedOnceNextToTheNodesOwn() throws Exception {
    registry.counter("aurelius_epochs_total", "Epochs.").inc();
    expect(404, raw("POST", "/v1/no-such-route", Map.of(), new byte[0]));
    String text = scrape();
    List<String> families = new ArrayList<>();
    Matcher type = Pattern.compile("(?m)^# TYPE (\\S+) ").matcher(text);
    while (type.find()) {
      families.add(type.group(1));
    }
    assertThat(families).doesNotHaveDuplicates();
    assertThat(families)
        .contains(
            "aurelius_epochs_total",
            "aurelius_http_refusals_total",
            "aurelius_http_requests_total",
            "aurelius_http_responses_total",
            "aurelius_http_connections_open",
            "aurelius_http_connections_dropped_total",
            "aurelius_http_queued_calls");
    assertThat(text)
        .contains("aurelius_http_responses_total{status=\"404\"} 1")
        .contains("aurelius_http_requests_total{route=\"unknown\"} 1")
        .contains("aurelius_http_connections_dropped_total{cause=\"at_limit\"} 0");
  }

  private String scrape() throws Exception {
    RawHttp.Response response =
        RawHttp.exchange(server.port(), RawHttp.request("GET", "/metrics", Map.of(), new byte[0]));
    assertThat(response.status()).isEqualTo(200);
    return response.text();
  }

  private static Map<String, Double> refusals(String text) {
    Map<String, Double> out = new HashMap<>();
    Matcher m =
        Pattern.compile(
                "(?m)^aurelius_http_refusals_total\\{reason=\"([^\"]*)\",route=\"([^\"]*)\","
                    + "status=\"(\\d+)\"} (\\S+)$")
            .matcher(text);
    while (m.find()) {
      out.put(m.group(2) + " " + m.group(3) + " " + m.group(1), Double.parseDouble(m.group(4)));
    }
    return out;
  }

  private void expect(int status, byte[] request) throws Exception {
    RawHttp.Response response = RawHttp.exchange(server.port(), request);
    assertThat(response.status()).as(response.text()).isEqualTo(status);
  }

  private static byte[] raw(String method, String path, Map<String, String> headers, byte[] body) {
    return RawHttp.request(method, path, headers, body);
  }

  private static Map<String, String> signed(
      Ed25519KeyPair sender, Ed25519KeyPair receiver, byte[] body) {
    return signed(sender, receiver, body, ProtocolClock.SYSTEM);
  }

  private static Map<String, String> signed(
      Ed25519KeyPair sender, Ed25519KeyPair receiver, byte[] body, ProtocolClock clock) {
    return new HashMap<>(
        new ProtocolIdentity(sender, clock)
            .signRequest(KeyId.of(receiver.publicKey()), PATH, body)
            .asMap());
  }
}
