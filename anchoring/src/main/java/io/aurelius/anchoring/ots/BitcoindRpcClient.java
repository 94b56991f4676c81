package io.aurelius.anchoring.ots;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonInputException;
import io.aurelius.core.json.JsonLimits;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Block headers from bitcoind's JSON-RPC over plain HTTP: {@code getblockhash(height)} then {@code
 * getblockheader(hash, false)}. The raw header is parsed here and its hash checked against the one
 * asked for, so a confused or lying node cannot hand back another block. Credentials come from the
 * URL's user-info ({@code http://user:pass@127.0.0.1:8332}).
 */
public final class BitcoindRpcClient implements BlockHeaderSource {
  private static final int MAX_RESPONSE = 64 * 1024;
  private static final JsonLimits LIMITS = new JsonLimits(MAX_RESPONSE, 16, MAX_RESPONSE);
  private static final int RPC_ERROR_OUT_OF_RANGE = -8;

  private final URI endpoint;
  private final Optional<String> authorization;
  private final HttpClient http;
  private final Duration timeout;

  public BitcoindRpcClient(URI url, Duration timeout) {
    requireNonNull(url, "url");
    this.timeout = requireNonNull(timeout, "timeout");
    if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
      throw new IllegalArgumentException(
          "bitcoind RPC URL '" + redact(url) + "' (expected: http://[user:pass@]host:port)");
    }
    this.authorization =
        Optional.ofNullable(url.getRawUserInfo())
            .map(
                u ->
                    "Basic "
                        + Base64.getEncoder()
                            .encodeToString(
                                java.net.URLDecoder.decode(u, StandardCharsets.UTF_8)
                                    .getBytes(StandardCharsets.UTF_8)));
    try {
      this.endpoint =
          new URI(url.getScheme(), null, url.getHost(), url.getPort(), url.getPath(), null, null);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException(
          "bitcoind RPC URL '" + redact(url) + "': " + e.getMessage(), e);
    }
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  @Override
  public Optional<BlockHeader> headerAt(long height) throws IOException {
    JsonNode hash = call("getblockhash", height);
    if (hash == null) {
      return Optional.empty();
    }
    if (!hash.isTextual() || !hash.asText().matches("[0-9a-f]{64}")) {
      throw new IOException(
          describe()
              + ": getblockhash("
              + height
              + ") returned "
              + abbreviate(hash.toString())
              + " (expected: 64 hex digits)");
    }
    JsonNode header = call("getblockheader", hash.asText(), false);
    if (header == null || !header.isTextual() || !header.asText().matches("[0-9a-f]{160}")) {
      throw new IOException(
          describe()
              + ": getblockheader returned "
              + abbreviate(String.valueOf(header))
              + " (expected: 160 hex digits)");
    }
    BlockHeader h = new BlockHeader(HexFormat.of().parseHex(header.asText()));
    if (!h.hashHex().equals(hash.asText())) {
      throw new IOException(
          describe() + ": header for block " + hash.asText() + " hashes to " + h.hashHex());
    }
    return Optional.of(h);
  }

  /** The result of an RPC call; null when the height is out of range (RPC error -8). */
  private JsonNode call(String method, Object... params) throws IOException {
    ObjectNode request = Json.newObject();
    request.put("jsonrpc", "1.0");
    request.put("id", "aurelius");
    request.put("method", method);
    var array = request.putArray("params");
    for (Object p : params) {
      array.add(Json.toTree(p));
    }
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(endpoint)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(request.toString()));
    authorization.ifPresent(a -> builder.header("Authorization", a));
    HttpResponse<InputStream> response;
    try {
      response = http.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(describe() + ": interrupted", e);
    }
    byte[] body;
    try (InputStream in = response.body()) {
      body = in.readNBytes(MAX_RESPONSE + 1);
    }
    if (body.length > MAX_RESPONSE) {
      throw new IOException(
          describe() + ": " + method + " response exceeds " + MAX_RESPONSE + " bytes");
    }
    if (response.statusCode() == 401 || response.statusCode() == 403) {
      throw new IOException(
          describe() + ": HTTP " + response.statusCode() + " (check the RPC user and password)");
    }
    JsonNode reply;
    try {
      reply = Json.parse(body, describe() + " " + method + " reply", LIMITS);
    } catch (JsonInputException e) {
      throw new IOException(e.getMessage() + " (HTTP " + response.statusCode() + ")", e);
    }
    JsonNode error = reply.get("error");
    if (error != null && !error.isNull()) {
      if (error.path("code").asInt() == RPC_ERROR_OUT_OF_RANGE) {
        return null;
      }
      throw new IOException(
          describe()
              + ": "
              + method
              + " failed: "
              + abbreviate(error.path("message").asText(error.toString())));
    }
    if (response.statusCode() != 200) {
      throw new IOException(describe() + ": " + method + ": HTTP " + response.statusCode());
    }
    return reply.get("result");
  }

  @Override
  public String describe() {
    return "bitcoind at " + endpoint;
  }

  private static String redact(URI url) {
    return url.getRawUserInfo() == null
        ? url.toString()
        : url.toString().replace(url.getRawUserInfo() + "@", "***@");
  }

  private static String abbreviate(String s) {
    return s.length() > 100 ? s.substring(0, 100) + "…" : s;
  }
}
