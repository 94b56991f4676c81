package io.aurelius.core.transport;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonInputException;

/**
 * An authenticated call as a handler sees it: the route, the verified sender and its stake, the
 * server's request id (for logs), and the body, already parsed as strict JSON and checked against
 * the signed body hash.
 */
public record InboundCall(String route, KeyId sender, long stake, String requestId, JsonNode body) {
  public InboundCall {
    requireNonNull(route, "route");
    requireNonNull(sender, "sender");
    requireNonNull(requestId, "requestId");
    requireNonNull(body, "body");
  }

  /**
   * The body as a record. Unknown properties, wrong types, and exceptions thrown by the record's
   * constructor (where it should check required fields) are a {@link JsonInputException}, which the
   * server answers with 400 and its one-line message.
   */
  public <T> T bodyAs(Class<T> type) {
    return Json.convert(body, type, route + " body");
  }
}
