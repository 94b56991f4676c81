package io.aurelius.core.transport;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.json.CanonicalJson;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonInputException;
import io.aurelius.core.json.JsonLimits;
import io.aurelius.core.protocol.GateDecision;
import io.aurelius.core.protocol.ProtocolHeaders;
import io.aurelius.core.protocol.ProtocolIdentity;
import io.aurelius.core.protocol.ProtocolStatus;
import io.aurelius.core.protocol.Refusal;
import io.aurelius.core.protocol.RequestGate;
import io.aurelius.core.protocol.ResponseBinding;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a protocol worker does with an admitted call once its body is in: the btauth/1 signature,
 * replay and rate checks ({@link RequestGate#authenticate}: 401, 503, 429, unsigned), strict JSON
 * parsing (400), the handler (200, its own 4xx, or 500 with a request id), and the response, signed
 * for the authenticated sender. Also builds the unsigned refusals the transport sends earlier.
 */
public final class CallProcessor {
  private static final Logger LOG = LoggerFactory.getLogger(CallProcessor.class);
  public static final String JSON = "application/json";

  /** The reason of a refusal a route's handler gave (its own 4xx). */
  public static final String HANDLER = "Handler";

  private final ProtocolIdentity identity;
  private final RequestGate gate;
  private final JsonLimits jsonLimits;
  private final TransportMetrics metrics;

  public CallProcessor(
      ProtocolIdentity identity,
      RequestGate gate,
      JsonLimits jsonLimits,
      TransportMetrics metrics) {
    this.identity = requireNonNull(identity, "identity");
    this.gate = requireNonNull(gate, "gate");
    this.jsonLimits = requireNonNull(jsonLimits, "jsonLimits");
    this.metrics = requireNonNull(metrics, "metrics");
  }

  /** A fresh id for one request: 16 hex digits, quoted in its response and the log. */
  public static String newRequestId() {
    return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
  }

  /**
   * @param target the request target exactly as received, which the signature covers
   */
  public OutgoingResponse process(
      ProtocolRoute route,
      GateDecision.Admitted admitted,
      String method,
      String target,
      byte[] body,
      String requestId) {
    requireNonNull(route, "route");
    requireNonNull(admitted, "admitted");
    requireNonNull(body, "body");
    Optional<Refusal> unauthentic = gate.authenticate(admitted, method, target, body);
    if (unauthentic.isPresent()) {
      return refusal(route.name(), unauthentic.get(), Optional.empty(), requestId);
    }
    ResponseBinding binding = new ResponseBinding(admitted.sender(), target);
    JsonNode json;
    try {
      json = Json.parse(body, route.name() + " body", jsonLimits);
    } catch (JsonInputException e) {
      return refusal(
          route.name(),
          Refusal.of(ProtocolStatus.BAD_REQUEST, "BadJson", e.getMessage()),
          Optional.of(binding),
          requestId);
    }
    InboundCall call =
        new InboundCall(route.name(), admitted.sender(), admitted.stake(), requestId, json);
    Object result;
    try {
      metrics.handlerCall();
      result = route.handler().handle(call);
    } catch (CallRefusedException e) {
      return refusal(
          route.name(),
          Refusal.of(e.status(), HANDLER, e.getMessage()),
          Optional.of(binding),
          requestId);
    } catch (JsonInputException e) {
      return refusal(
          route.name(),
          Refusal.of(ProtocolStatus.BAD_REQUEST, HANDLER, e.getMessage()),
          Optional.of(binding),
          requestId);
    } catch (Exception | Error e) {
      LOG.error(
          "route {} failed for {} (request id {})", route.name(), admitted.sender(), requestId, e);
      return internalError(route.name(), Optional.of(binding), requestId);
    }
    byte[] bytes;
    try {
      if (result == null) {
        throw new IllegalStateException("handler returned null");
      }
      bytes =
          result instanceof JsonNode node
              ? CanonicalJson.bytes(node)
              : CanonicalJson.bytesOf(result);
    } catch (RuntimeException e) {
      LOG.error(
          "route {} produced an unwritable response (request id {})", route.name(), requestId, e);
      return internalError(route.name(), Optional.of(binding), requestId);
    }
    return respond(ProtocolStatus.OK.code(), bytes, Optional.of(binding), requestId);
  }

  public OutgoingResponse internalError(
      String route, Optional<ResponseBinding> binding, String requestId) {
    return refusal(
        route,
        Refusal.of(
            ProtocolStatus.INTERNAL_ERROR,
            "Internal",
            "internal error (request id " + requestId + ")"),
        binding,
        requestId);
  }

  /**
   * An error response, counted and logged as a refusal of {@code route} (a name from the route
   * table, or {@link TransportMetrics#UNKNOWN_ROUTE}); signed when the request's sender was
   * authenticated ({@code binding}).
   */
  public OutgoingResponse refusal(
      String route, Refusal refusal, Optional<ResponseBinding> binding, String requestId) {
    requireNonNull(refusal, "refusal");
    metrics.refused(route, refusal);
    ObjectNode body = Json.newObject();
    body.put("error", refusal.message());
    body.put("requestId", requestId);
    body.put("status", refusal.status().code());
    return respond(refusal.status().code(), CanonicalJson.bytes(body), binding, requestId);
  }

  private OutgoingResponse respond(
      int status, byte[] body, Optional<ResponseBinding> binding, String requestId) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("content-type", JSON);
    headers.put(ProtocolHeaders.REQUEST_ID, requestId);
    binding.ifPresent(b -> headers.putAll(identity.signResponse(b, body)));
    return new OutgoingResponse(status, headers, body);
  }
}
