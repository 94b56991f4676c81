package io.aurelius.core.transport;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.hash.ContentId;
import io.aurelius.core.json.CanonicalJson;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonInputException;
import io.aurelius.core.json.JsonLimits;
import io.aurelius.core.protocol.GateDecision;
import io.aurelius.core.protocol.ProtocolHeaders;
import io.aurelius.core.protocol.ProtocolIdentity;
import io.aurelius.core.protocol.ProtocolStatus;
import io.aurelius.core.protocol.Refusal;
import io.aurelius.core.protocol.ResponseBinding;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a protocol worker does with an admitted call once its body is in: the body-hash check (400),
 * strict JSON parsing (400), the handler (200, its own 4xx, or 500 with a request id), and the
 * signed response. Also builds the signed refusals the transport sends earlier.
 */
public final class CallProcessor {
  private static final Logger LOG = LoggerFactory.getLogger(CallProcessor.class);
  public static final String JSON = "application/json";

  private final ProtocolIdentity identity;
  private final JsonLimits jsonLimits;
  private final TransportMetrics metrics;

  public CallProcessor(ProtocolIdentity identity, JsonLimits jsonLimits, TransportMetrics metrics) {
    this.identity = requireNonNull(identity, "identity");
    this.jsonLimits = requireNonNull(jsonLimits, "jsonLimits");
    this.metrics = requireNonNull(metrics, "metrics");
  }

  /** A fresh id for one request: 16 hex digits, quoted in its response and the log. */
  public static String newRequestId() {
    return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
  }

  public OutgoingResponse process(
      ProtocolRoute route, GateDecision.Admitted admitted, byte[] body, String requestId) {
    requireNonNull(route, "route");
    requireNonNull(admitted, "admitted");
    requireNonNull(body, "body");
    ResponseBinding binding = admitted.binding();
    ContentId actual = ContentId.of(body);
    if (!actual.equals(admitted.envelope().bodyHash())) {
      return refusal(
          Refusal.of(
              ProtocolStatus.BAD_REQUEST,
              "body: SHA-256 "
                  + actual.shortHex()
                  + "… does not match header "
                  + ProtocolHeaders.BODY_SHA256
                  + " "
                  + admitted.envelope().bodyHash().shortHex()
                  + "…"),
          Optional.of(binding),
          requestId);
    }
    JsonNode json;
    try {
      json = Json.parse(body, route.name() + " body", jsonLimits);
    } catch (JsonInputException e) {
      return refusal(
          Refusal.of(ProtocolStatus.BAD_REQUEST, e.getMessage()), Optional.of(binding), requestId);
    }
    InboundCall call =
        new InboundCall(
            route.name(), admitted.envelope().sender(), admitted.stake(), requestId, json);
    Object result;
    try {
      metrics.handlerCall();
      result = route.handler().handle(call);
    } catch (CallRefusedException e) {
      return refusal(Refusal.of(e.status(), e.getMessage()), Optional.of(binding), requestId);
    } catch (JsonInputException e) {
      return refusal(
          Refusal.of(ProtocolStatus.BAD_REQUEST, e.getMessage()), Optional.of(binding), requestId);
    } catch (Exception | Error e) {
      LOG.error(
          "route {} failed for {} (request id {})",
          route.name(),
          admitted.envelope().sender(),
          requestId,
          e);
      return internalError(Optional.of(binding), requestId);
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
      return internalError(Optional.of(binding), requestId);
    }
    return respond(ProtocolStatus.OK.code(), bytes, Optional.of(binding), requestId);
  }

  public OutgoingResponse internalError(Optional<ResponseBinding> binding, String requestId) {
    return refusal(
        Refusal.of(ProtocolStatus.INTERNAL_ERROR, "internal error (request id " + requestId + ")"),
        binding,
        requestId);
  }

  /** An error response; signed when the request named its sender, nonce and uuid. */
  public OutgoingResponse refusal(
      Refusal refusal, Optional<ResponseBinding> binding, String requestId) {
    requireNonNull(refusal, "refusal");
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
    binding.ifPresent(b -> headers.putAll(identity.signResponse(status, b, body)));
    return new OutgoingResponse(status, headers, body);
  }
}
