package io.aurelius.worldmodel.sim.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import io.aurelius.core.json.CanonicalJson;
import java.io.IOException;
import java.io.OutputStream;

/** Writing JSON responses. */
final class Responses {
  private Responses() {}

  static byte[] bytes(JsonNode body) {
    return CanonicalJson.bytes(body);
  }

  static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
    send(exchange, status, bytes(body));
  }

  static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    } finally {
      exchange.close();
    }
  }

  /** For writes from the scheduler: a client that already left is no error of ours. */
  static void sendQuietly(HttpExchange exchange, int status, byte[] body) {
    try {
      send(exchange, status, body);
    } catch (IOException | RuntimeException e) {
      exchange.close();
    }
  }
}
