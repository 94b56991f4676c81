package io.aurelius.anchoring.ots;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonLimits;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on loopback speaking the OpenTimestamps calendar protocol, with a tiny chain
 * behind it: {@link #mine()} puts every pending commitment into a new block whose header a
 * bitcoind-style JSON-RPC endpoint ({@link #rpcUri()}) then serves. Test fixture.
 */
public final class TestCalendar implements AutoCloseable {
  private static final HexFormat HEX = HexFormat.of();
  private final HttpServer server;
  private final java.util.concurrent.ExecutorService handlers =
      java.util.concurrent.Executors.newCachedThreadPool();
  private final Map<String, byte[]> pending = new LinkedHashMap<>();
  private final Map<String, Timestamp> confirmed = new LinkedHashMap<>();
  private final List<byte[]> headers = new ArrayList<>();
  private final AtomicInteger requests = new AtomicInteger();
  private volatile boolean lying;
  private volatile boolean down;
  private volatile java.util.concurrent.CountDownLatch held =
      new java.util.concurrent.CountDownLatch(0);

  public TestCalendar() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/digest", ex -> guarded(ex, this::digest));
    server.createContext("/timestamp/", ex -> guarded(ex, this::timestamp));
    server.setExecutor(handlers);
    server.createContext("/rpc", this::rpc);
    server.start();
    headers.add(header(new byte[32], new byte[32], 1_231_006_505L)); // height 0
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public URI rpcUri() {
    return URI.create("http://user:secret@127.0.0.1:" + server.getAddress().getPort() + "/rpc");
  }

  /** Calendar requests received (submissions and upgrades), answered or not. */
  public int requests() {
    return requests.get();
  }

  /** From now on the RPC endpoint serves headers whose Merkle roots are wrong. */
  public void lie() {
    lying = true;
  }

  /** While down, every request is answered 503, as a calendar in trouble answers. */
  public void down(boolean down) {
    this.down = down;
  }

  /** From now on requests wait (a hanging calendar) until {@link #release()}. */
  public void hold() {
    held = new java.util.concurrent.CountDownLatch(1);
  }

  public void release() {
    held.countDown();
  }

  /** Confirms every pending commitment in one new block; returns its height. */
  public synchronized long mine() throws OtsFormatException {
    long height = headers.size();
    byte[] salt = ByteBuffer.allocate(8).putLong(height).array();
    for (Map.Entry<String, byte[]> e : pending.entrySet()) {
      Timestamp t = new Timestamp(e.getValue());
      Timestamp root = t.add(new Op.Append(salt)).add(UnaryOp.SHA256);
      root.attest(new Attestation.BlockHeight(Attestation.Chain.BITCOIN, height));
      confirmed.put(e.getKey(), t);
      headers.add(header(new byte[32], root.msg(), 1_700_000_000L + height));
      height = headers.size();
      salt = ByteBuffer.allocate(8).putLong(height).array();
    }
    pending.clear();
    return headers.size() - 1;
  }

  private static byte[] header(byte[] prev, byte[] merkleRoot, long time) {
    return ByteBuffer.allocate(80)
        .order(ByteOrder.LITTLE_ENDIAN)
        .putInt(0x20000000)
        .put(prev)
        .put(merkleRoot)
        .putInt((int) time)
        .putInt(0x1d00ffff)
        .putInt(42)
        .array();
  }

  private void guarded(HttpExchange ex, com.sun.net.httpserver.HttpHandler handler)
      throws IOException {
    requests.incrementAndGet();
    try {
      held.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (down) {
      reply(ex, 503, new byte[0]);
      return;
    }
    handler.handle(ex);
  }

  private synchronized void digest(HttpExchange ex) throws IOException {
    byte[] digest = ex.getRequestBody().readNBytes(65);
    if (!"POST".equals(ex.getRequestMethod()) || digest.length > 64) {
      reply(ex, 400, new byte[0]);
      return;
    }
    try {
      Timestamp t = new Timestamp(digest);
      Timestamp commitment =
          t.add(new Op.Append(HEX.parseHex("00112233445566778899aabbccddeeff")))
              .add(UnaryOp.SHA256);
      commitment.attest(new Attestation.Pending(uri().toString()));
      pending.put(HEX.formatHex(commitment.msg()), commitment.msg());
      reply(ex, 200, t.toBytes());
    } catch (OtsFormatException e) {
      reply(ex, 500, new byte[0]);
    }
  }

  private synchronized void timestamp(HttpExchange ex) throws IOException {
    String hex = ex.getRequestURI().getPath().substring("/timestamp/".length());
    Timestamp t = confirmed.get(hex);
    if (t == null) {
      reply(ex, 404, "Pending confirmation in Bitcoin blockchain".getBytes(StandardCharsets.UTF_8));
      return;
    }
    reply(ex, 200, t.toBytes());
  }

  private synchronized void rpc(HttpExchange ex) throws IOException {
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    if (!("Basic "
            + java.util.Base64.getEncoder()
                .encodeToString("user:secret".getBytes(StandardCharsets.UTF_8)))
        .equals(auth)) {
      reply(ex, 401, new byte[0]);
      return;
    }
    var request =
        Json.parse(ex.getRequestBody().readNBytes(4096), "rpc request", JsonLimits.UNTRUSTED);
    String method = request.get("method").asText();
    var params = request.get("params");
    String result;
    if (method.equals("getblockhash")) {
      long h = params.get(0).asLong();
      if (h >= headers.size()) {
        reply(
            ex,
            500,
            "{\"result\":null,\"error\":{\"code\":-8,\"message\":\"Block height out of range\"},\"id\":\"aurelius\"}"
                .getBytes(StandardCharsets.UTF_8));
        return;
      }
      result = "\"" + new BlockHeader(served((int) h)).hashHex() + "\"";
    } else if (method.equals("getblockheader")) {
      result = null;
      for (int h = 0; h < headers.size(); h++) {
        if (new BlockHeader(served(h)).hashHex().equals(params.get(0).asText())) {
          result = "\"" + HEX.formatHex(served(h)) + "\"";
        }
      }
      if (result == null) {
        reply(
            ex,
            500,
            "{\"result\":null,\"error\":{\"code\":-5,\"message\":\"Block not found\"},\"id\":\"aurelius\"}"
                .getBytes(StandardCharsets.UTF_8));
        return;
      }
    } else {
      reply(ex, 404, new byte[0]);
      return;
    }
    reply(
        ex,
        200,
        ("{\"result\":" + result + ",\"error\":null,\"id\":\"aurelius\"}")
            .getBytes(StandardCharsets.UTF_8));
  }

  private byte[] served(int height) {
    byte[] h = headers.get(height).clone();
    if (lying) {
      h[40] ^= 1;
    }
    return h;
  }

  private static void reply(HttpExchange ex, int status, byte[] body) throws IOException {
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      ex.getResponseBody().write(body);
    }
    ex.close();
  }

  @Override
  public void close() {
    release();
    server.stop(0);
    handlers.shutdownNow();
  }
}
