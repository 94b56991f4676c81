package io.aurelius.config.sn37;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonLimits;
import java.nio.charset.StandardCharsets;

/**
 * What an SN37 validator posts to {@link Sn37Route#PATH}: the pydantic {@code
 * ScenarioConfigSynapse} with the three fields a validator sets ({@code request_id}, a UUID4 per
 * query round; {@code validator_version}; {@code protocol_version}) and the seven a miner fills,
 * sent as null. A miner answers with the same object, filled in ({@link ScenarioConfigResponse}).
 */
public record ScenarioConfigRequest(
    String requestId, String validatorVersion, String protocolVersion) {
  /** A request is small; anything bigger is not from an SN37 validator. */
  public static final JsonLimits LIMITS = new JsonLimits(16 * 1024, 16, 4096);

  private static final String WHAT = "sn37 request";

  public ScenarioConfigRequest {
    requireNonNull(requestId, "requestId");
    requireNonNull(validatorVersion, "validatorVersion");
    requireNonNull(protocolVersion, "protocolVersion");
  }

  /** A request as our validator sends it, at SN37's protocol version. */
  public static ScenarioConfigRequest of(String requestId, String validatorVersion) {
    return new ScenarioConfigRequest(requestId, validatorVersion, Sn37Route.PROTOCOL_VERSION);
  }

  /** Reads a request body, bounded by {@link #LIMITS}. */
  public static ScenarioConfigRequest fromJson(byte[] body) {
    return fromJson(Json.parse(requireNonNull(body, "body"), WHAT, LIMITS));
  }

  /**
   * Reads a parsed request. Absent fields take the model's defaults ({@code ""}, {@code ""},
   * {@value Sn37Route#PROTOCOL_VERSION}); the miner's fields are not read, as SN37's miner
   * overwrites them.
   */
  public static ScenarioConfigRequest fromJson(JsonNode body) {
    requireNonNull(body, "body");
    Fields f = Fields.of(body, WHAT);
    return new ScenarioConfigRequest(
        f.string("request_id", ""),
        f.string("validator_version", ""),
        f.string("protocol_version", Sn37Route.PROTOCOL_VERSION));
  }

  /** The body in the model's field order, the miner's fields null, as pydantic writes it. */
  public ObjectNode toJson() {
    ObjectNode o = Json.newObject();
    o.put("request_id", requestId);
    o.put("validator_version", validatorVersion);
    o.put("protocol_version", protocolVersion);
    for (String field : ScenarioConfigResponse.MINER_FIELDS) {
      o.putNull(field);
    }
    return o;
  }

  /** {@link #toJson()} as compact UTF-8, the bytes to send. */
  public byte[] toBytes() {
    return toJson().toString().getBytes(StandardCharsets.UTF_8);
  }
}
