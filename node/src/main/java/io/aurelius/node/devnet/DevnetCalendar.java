package io.aurelius.node.devnet;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.aurelius.anchoring.ots.Attestation;
import io.aurelius.anchoring.ots.Op;
import io.aurelius.anchoring.ots.OtsFormatException;
import io.aurelius.anchoring.ots.Timestamp;
import io.aurelius.anchoring.ots.UnaryOp;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The devnet's local OpenTimestamps calendar, on loopback. It speaks the calendar HTTP API the
 * validators' stampers use ({@code POST /digest} answers a proof ending in a pending attestation
 * naming this calendar; {@code GET /timestamp/<hex>} answers 404 "Pending confirmation") but it
 * never reaches Bitcoin: it aggregates nothing and publishes nothing, so every stamp it gives stays
 * pending for ever, and {@code corpus verify} reports it as pending, never as verified. It exists
 * so an offline devnet's checkpoints go through the same stamping path as a live validator's.
 */
public final class DevnetCalendar implements AutoCloseable {
  /** What a real calendar answers for a commitment not yet in a block. */
  static final String PENDING = "Pending confirmation in Bitcoin blockchain";

  private static final int MAX_DIGEST = 64;
  private final HttpServer server;
  private final ExecutorService handlers;
  private final SecureRandom random = new SecureRandom();

  private DevnetCalendar(HttpServer server, ExecutorService handlers) {
    this.server = server;
    this.handlers = handlers;
  }

  /** Starts the calendar on a free loopback port. */
  public static DevnetCalendar start() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    ExecutorService handlers =
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "devnet-ots-calendar");
              t.setDaemon(true);
              return t;
            });
    DevnetCalendar calendar = new DevnetCalendar(server, handlers);
    server.createContext("/digest", calendar::digest);
    server.createContext("/timestamp/", calendar::timestamp);
    server.setExecutor(handlers);
    server.start();
    return calendar;
  }

  /** The calendar's URL, as pending attestations name it. */
  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /**
   * The commitment is the digest with a random nonce appended, hashed, as a real calendar makes it
   * before aggregating; the nonce keeps one submitter's digests unlinkable from the commitment.
   */
  private void digest(HttpExchange ex) throws IOException {
    try (ex) {
      byte[] digest = ex.getRequestBody().readNBytes(MAX_DIGEST + 1);
      if (!"POST".equals(ex.getRequestMethod())
          || digest.length == 0
          || digest.length > MAX_DIGEST) {
        reply(ex, 400, "expected: POST of a digest of 1.." + MAX_DIGEST + " bytes");
        return;
      }
      byte[] nonce = new byte[16];
      random.nextBytes(nonce);
      Timestamp t = new Timestamp(digest);
      t.add(new Op.Append(nonce))
          .add(UnaryOp.SHA256)
          .attest(new Attestation.Pending(uri().toString()));
      byte[] body = t.toBytes();
      ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
    } catch (OtsFormatException e) {
      reply(ex, 500, e.getMessage());
    }
  }

  private void timestamp(HttpExchange ex) throws IOException {
    try (ex) {
      reply(ex, 404, PENDING);
    }
  }

  private static void reply(HttpExchange ex, int status, String text) throws IOException {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(status, body.length);
    ex.getResponseBody().write(body);
  }

  @Override
  public void close() {
    server.stop(0);
    handlers.shutdownNow();
  }
}
