package io.aurelius.core.transport.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.core.crypto.Sr25519KeyPair;
import io.aurelius.core.protocol.InMemoryPeerDirectory;
import io.aurelius.core.transport.PlainHttpResponse;
import io.aurelius.core.transport.ProtocolServer;
import io.aurelius.core.transport.ServerLimits;
import io.aurelius.core.transport.ServerSpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Unauthenticated expensive routes (the {@code BULK} lane: git) are rate limited per remote
 * address: past its burst an address gets 429 before any work runs, another address and {@code
 * /healthz} are served as before.
 */
class BulkRateLimitIT {
  private final AtomicInteger served = new AtomicInteger();
  private ProtocolServer server;

  @BeforeEach
  void start() {
    server =
        NettyProtocolServer.start(
            ServerSpec.builder(Sr25519KeyPair.generate(), new InMemoryPeerDirectory())
                .limits(ServerLimits.defaults().toBuilder().bulkRate(0.01, 3).build())
                .bulk(
                    "/git/",
                    Set.of("GET"),
                    0,
                    request -> {
                      served.incrementAndGet();
                      return PlainHttpResponse.text(200, "refs\n");
                    })
                .plain("/healthz", Set.of("GET"), request -> PlainHttpResponse.text(200, "ok\n"))
                .build());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void anAddressPastItsBurstIs429WhileOthersAndHealthAreServed() throws IOException {
    for (int i = 0; i < 3; i++) {
      assertThat(get("127.0.0.1", "/git/corpus.git/info/refs").status()).isEqualTo(200);
    }
    RawHttp.Response limited = get("127.0.0.1", "/git/corpus.git/info/refs");
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.text())
        .contains("address 127.0.0.1 is over the rate limit of /git/ (retry in");
    assertThat(served).hasValue(3);
    assertThat(get("127.0.0.1", "/healthz").status()).isEqualTo(200);
    assertThat(get("127.0.0.2", "/git/corpus.git/info/refs").status()).isEqualTo(200);
    assertThat(served).hasValue(4);
  }

  private RawHttp.Response get(String from, String path) throws IOException {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
      socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(RawHttp.request("GET", path, Map.of(), new byte[0]));
      socket.getOutputStream().flush();
      return RawHttp.read(socket.getInputStream());
    }
  }
}
