package io.aurelius.core.transport.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.protocol.InMemoryPeerDirectory;
import io.aurelius.core.transport.ClientLimits;
import io.aurelius.core.transport.PlainHttpResponse;
import io.aurelius.core.transport.ProtocolClient;
import io.aurelius.core.transport.ProtocolServer;
import io.aurelius.core.transport.ServerLimits;
import io.aurelius.core.transport.ServerSpec;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, finding 1: one client opening 1,024 connections and sending nothing shut out every
 * other caller and {@code /healthz}. Real sockets on loopback; the flood comes from other loopback
 * addresses (127.0.0.2, ...) than the callers (127.0.0.1), as it would from another host.
 */
class ConnectionFloodIT {
  private static final Ed25519KeyPair SERVER_KEY = Ed25519KeyPair.generate();
  private static final Ed25519KeyPair ALICE_KEY = Ed25519KeyPair.generate();

  private final List<Socket> flood = new ArrayList<>();
  private ProtocolServer server;
  private ProtocolClient alice;

  record Ping(String ping) {}

  private void start(ServerLimits limits) {
    server =
        NettyProtocolServer.start(
            ServerSpec.builder(
                    SERVER_KEY, new InMemoryPeerDirectory().register(ALICE_KEY.publicKey(), 1_000))
                .limits(limits)
                .name("it-flood")
                .route("ping", call -> call.bodyAs(Ping.class))
                .plain("/healthz", Set.of("GET"), request -> PlainHttpResponse.text(200, "ok\n"))
                .build());
    alice =
        NettyProtocolClient.create(
            ALICE_KEY, ClientLimits.defaults().withRequestTimeout(Duration.ofSeconds(5)));
  }

  @AfterEach
  void stop() throws IOException {
    for (Socket s : flood) {
      s.close();
    }
    if (alice != null) {
      alice.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void oneAddressHolding1024SilentConnectionsLocksNobodyOut() throws Exception {
    start(ServerLimits.defaults().toBuilder().firstByteTimeout(Duration.ofSeconds(60)).build());
    openSilently("127.0.0.2", 1_024);

    assertThat(healthz()).isEqualTo(200);
    assertThat(ping()).isTrue();
    assertThat(server.stats().openConnections())
        .isLessThanOrEqualTo(ServerLimits.defaults().maxConnectionsPerAddress() + 2);
  }

  @Test
  void aFullServerMakesRoomByClosingTheConnectionQuietLongest() throws Exception {
    start(
        ServerLimits.defaults().toBuilder()
            .maxConnections(64)
            .maxConnectionsPerAddress(16)
            .firstByteTimeout(Duration.ofSeconds(60))
            .build());
    // The server registers connections on several event loops, so two opened back to back may be
    // registered in either order: the first is held alone before the rest, to be the oldest.
    openSilently("127.0.0.2", 1);
    awaitOpen(1);
    openSilently("127.0.0.2", 15);
    for (int a = 3; a <= 5; a++) {
      openSilently("127.0.0." + a, 16);
    }
    awaitOpen(64);

    assertThat(healthz()).isEqualTo(200);
    assertThat(ping()).isTrue();
    assertThat(server.stats().connectionsDisplaced()).isGreaterThanOrEqualTo(1);
    assertThat(server.stats().openConnections()).isLessThanOrEqualTo(64);
    // The first silent connection opened is the one that gave way.
    assertThat(closedByServer(flood.get(0))).isTrue();
  }

  @Test
  void aConnectionThatSaysNothingIsClosedAfterTheFirstByteDeadline() throws Exception {
    start(ServerLimits.defaults().toBuilder().firstByteTimeout(Duration.ofMillis(800)).build());
    long t0 = System.nanoTime();
    openSilently("127.0.0.3", 20);
    for (Socket s : flood) {
      assertThat(closedByServer(s)).isTrue();
    }
    long millis = (System.nanoTime() - t0) / 1_000_000;
    assertThat(millis).isBetween(700L, 5_000L);
    assertThat(server.stats().silentConnectionsClosed()).isEqualTo(20);

    // A connection that has spoken is kept alive past the deadline, for the idle timeout.
    try (Socket socket = RawHttp.connect(server.port())) {
      socket.getOutputStream().write(healthzRequest());
      assertThat(RawHttp.read(socket.getInputStream()).status()).isEqualTo(200);
      Thread.sleep(1_500);
      socket.getOutputStream().write(healthzRequest());
      assertThat(RawHttp.read(socket.getInputStream()).status()).isEqualTo(200);
    }
  }

  private void openSilently(String from, int count) throws IOException, InterruptedException {
    for (int i = 0; i < count; i++) {
      Socket s = new Socket();
      s.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
      s.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
      s.setSoTimeout(10_000);
      flood.add(s);
    }
    // Accepting is asynchronous: wait until the server has seen them all.
    long deadline = System.nanoTime() + 5_000_000_000L;
    long before = server.stats().connectionsDisplaced();
    while (System.nanoTime() < deadline
        && server.stats().openConnections() < Math.min(count, 64)
        && server.stats().connectionsDisplaced() == before) {
      Thread.sleep(10);
    }
    Thread.sleep(200);
  }

  private void awaitOpen(int n) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (server.stats().openConnections() != n && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(server.stats().openConnections()).isEqualTo(n);
  }

  private int healthz() throws IOException {
    long t0 = System.nanoTime();
    int status = RawHttp.exchange(server.port(), healthzRequest()).status();
    long millis = (System.nanoTime() - t0) / 1_000_000;
    System.out.printf(
        "healthz %d ms with %d silent sockets open (server holds %d)%n",
        millis, flood.size(), server.stats().openConnections());
    assertThat(millis).isLessThan(2_000);
    return status;
  }

  private boolean ping() {
    return alice
        .call(server.loopbackEndpoint(), "ping", new Ping("x"))
        .join()
        .orThrow()
        .as(Ping.class)
        .ping()
        .equals("x");
  }

  private static byte[] healthzRequest() {
    return "GET /healthz HTTP/1.1\r\nhost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
  }

  /** Whether the server closed {@code s} (end of stream or reset) within the socket's timeout. */
  private static boolean closedByServer(Socket s) throws IOException {
    InputStream in = s.getInputStream();
    try {
      return in.read() == -1;
    } catch (SocketException reset) {
      return true;
    }
  }
}
