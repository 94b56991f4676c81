package io.aurelius.core.transport.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.protocol.InMemoryPeerDirectory;
import io.aurelius.core.transport.PlainHttpResponse;
import io.aurelius.core.transport.ProtocolServer;
import io.aurelius.core.transport.ServerSpec;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Streamed plain answers (issue 15, item 5): sent chunked without a whole-body buffer, held back
 * while the client does not read, and cut (never completed) when the body fails midway.
 */
class StreamedAnswerIT {
  private static final int BIG = 48 << 20;

  private final AtomicLong produced = new AtomicLong();
  private ProtocolServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    server =
        NettyProtocolServer.start(
            ServerSpec.builder(Ed25519KeyPair.generate(), new InMemoryPeerDirectory())
                .name("it-streamed")
                .bulk("/big", Set.of("GET"), 0, request -> stream(BIG))
                .bulk(
                    "/broken",
                    Set.of("GET"),
                    0,
                    request ->
                        PlainHttpResponse.streamed(
                            200,
                            Map.of("content-type", "application/octet-stream"),
                            out -> {
                              out.write(new byte[100_000]);
                              throw new IOException("repository vanished");
                            }))
                .plain("/healthz", Set.of("GET"), request -> PlainHttpResponse.text(200, "ok\n"))
                .build());
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private PlainHttpResponse stream(int total) {
    produced.set(0);
    return PlainHttpResponse.streamed(
        200,
        Map.of("content-type", "application/octet-stream"),
        out -> {
          byte[] block = new byte[10_007]; // not a multiple of the chunk size
          for (int sent = 0; sent < total; ) {
            int n = Math.min(block.length, total - sent);
            for (int i = 0; i < n; i++) {
              block[i] = (byte) (sent + i);
            }
            out.write(block, 0, n);
            sent += n;
            produced.set(sent);
          }
        });
  }

  @Test
  void aLargeBodyArrivesWholeAndTheConnectionServesTheNextRequest() throws Exception {
    for (int round = 0; round < 2; round++) {
      HttpResponse<byte[]> big =
          http.send(
              HttpRequest.newBuilder(uri("/big")).build(), HttpResponse.BodyHandlers.ofByteArray());
      assertThat(big.statusCode()).isEqualTo(200);
      assertThat(big.headers().firstValue("content-length")).isEmpty();
      assertThat(big.body()).hasSize(BIG);
      for (int i = 0; i < BIG; i += 999_983) {
        assertThat(big.body()[i]).isEqualTo((byte) i);
      }
    }
    assertThat(health()).isEqualTo(200);
  }

  @Test
  void aClientThatDoesNotReadHoldsTheWriterBack() throws Exception {
    try (Socket socket = RawHttp.connect(server.port())) {
      socket
          .getOutputStream()
          .write(
              "GET /big HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      Thread.sleep(1_500);
      // socket buffers on loopback hold a few MiB, the server two 64 KiB chunks; not 48 MiB
      assertThat(produced.get()).isLessThan(16L << 20);
      socket.setSoTimeout(30_000);
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[1 << 16];
      byte[] tail = new byte[5];
      long read = 0;
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        read += n;
        if (n >= tail.length) {
          System.arraycopy(buffer, n - tail.length, tail, 0, tail.length);
        }
      }
      assertThat(produced.get()).isEqualTo(BIG);
      assertThat(read).isGreaterThan(BIG);
      assertThat(new String(tail, StandardCharsets.US_ASCII)).isEqualTo("0\r\n\r\n");
    }
  }

  @Test
  void aBodyThatFailsMidwayCutsTheConnectionInsteadOfEndingTheAnswer() throws Exception {
    assertThatThrownBy(
            () ->
                http.send(
                    HttpRequest.newBuilder(uri("/broken")).build(),
                    HttpResponse.BodyHandlers.ofByteArray()))
        .isInstanceOf(IOException.class);
    assertThat(health()).isEqualTo(200);
  }

  private int health() throws Exception {
    return http.send(
            HttpRequest.newBuilder(uri("/healthz")).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }
}
