package io.aurelius.config.sn37;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonLimits;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * What an SN37 miner answers on {@link Sn37Route#PATH}: the request's object with the miner's seven
 * fields filled in (SN37's {@code Miner.forward}): the schema_v1 configuration, its {@link
 * WorkToken} in four fields, the miner's software version and its protocol version. Every miner
 * field may be missing or null (a miner with nothing to serve sends them null); the validator's
 * check ({@code io.aurelius.validator.sn37}) decides what is required.
 */
public record ScenarioConfigResponse(
    String requestId,
    String validatorVersion,
    String protocolVersion,
    Optional<ObjectNode> scenarioConfig,
    Optional<String> workId,
    Optional<String> workIdNonce,
    Optional<String> workIdTimeNs,
    Optional<String> workIdSignature,
    Optional<String> minerVersion,
    Optional<String> minerProtocolVersion) {
  /** The fields a miner fills, in the model's order (also SN37's former body-hash field order). */
  public static final List<String> MINER_FIELDS =
      List.of(
          "scenario_config",
          "work_id",
          "work_id_nonce",
          "work_id_time_ns",
          "work_id_signature",
          "miner_version",
          "miner_protocol_version");

  /**
   * A response carries one configuration of at most 65536 bytes (SN37's limit, counted on its
   * ensure_ascii rendering, which is never shorter than the UTF-8 a peer sends) and a few short
   * fields; 96 KiB leaves room for both, and anything bigger is refused before it is parsed.
   */
  public static final JsonLimits LIMITS = new JsonLimits(96 * 1024, 32, 65536);

  private static final String WHAT = "sn37 response";

  public ScenarioConfigResponse {
    requireNonNull(requestId, "requestId");
    requireNonNull(validatorVersion, "validatorVersion");
    requireNonNull(protocolVersion, "protocolVersion");
    requireNonNull(workId, "workId");
    requireNonNull(workIdNonce, "workIdNonce");
    requireNonNull(workIdTimeNs, "workIdTimeNs");
    requireNonNull(workIdSignature, "workIdSignature");
    requireNonNull(minerVersion, "minerVersion");
    requireNonNull(minerProtocolVersion, "minerProtocolVersion");
    scenarioConfig = requireNonNull(scenarioConfig, "scenarioConfig").map(ObjectNode::deepCopy);
  }

  /** The answer to {@code request}: {@code config} stamped with {@code token}. */
  public static ScenarioConfigResponse served(
      ScenarioConfigRequest request, ObjectNode config, WorkToken token, String minerVersion) {
    requireNonNull(request, "request");
    requireNonNull(token, "token");
    return new ScenarioConfigResponse(
        request.requestId(),
        request.validatorVersion(),
        request.protocolVersion(),
        Optional.of(requireNonNull(config, "config")),
        Optional.of(token.workId()),
        Optional.of(token.nonce()),
        Optional.of(token.timeNs()),
        Optional.of(token.signature()),
        Optional.of(requireNonNull(minerVersion, "minerVersion")),
        Optional.of(Sn37Route.PROTOCOL_VERSION));
  }

  /** Reads a response body, bounded by {@link #LIMITS}. */
  public static ScenarioConfigResponse fromJson(byte[] body) {
    JsonNode node = PyJson.parse(requireNonNull(body, "body"), WHAT, LIMITS);
    Fields f = Fields.of(node, WHAT);
    return new ScenarioConfigResponse(
        f.string("request_id", ""),
        f.string("validator_version", ""),
        f.string("protocol_version", Sn37Route.PROTOCOL_VERSION),
        f.optionalObject("scenario_config"),
        f.optionalString("work_id"),
        f.optionalString("work_id_nonce"),
        f.optionalString("work_id_time_ns"),
        f.optionalString("work_id_signature"),
        f.optionalString("miner_version"),
        f.optionalString("miner_protocol_version"));
  }

  /** The body in the model's field order, absent fields null, as pydantic writes it. */
  public ObjectNode toJson() {
    ObjectNode o = Json.newObject();
    o.put("request_id", requestId);
    o.put("validator_version", validatorVersion);
    o.put("protocol_version", protocolVersion);
    scenarioConfig.ifPresentOrElse(
        c -> o.set("scenario_config", c.deepCopy()), () -> o.putNull("scenario_config"));
    put(o, "work_id", workId);
    put(o, "work_id_nonce", workIdNonce);
    put(o, "work_id_time_ns", workIdTimeNs);
    put(o, "work_id_signature", workIdSignature);
    put(o, "miner_version", minerVersion);
    put(o, "miner_protocol_version", minerProtocolVersion);
    return o;
  }

  /** {@link #toJson()} as compact UTF-8. */
  public byte[] toBytes() {
    return toJson().toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void put(ObjectNode o, String name, Optional<String> value) {
    value.ifPresentOrElse(v -> o.put(name, v), () -> o.putNull(name));
  }
}
