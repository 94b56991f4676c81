package io.aurelius.validator.epoch;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.json.CanonicalJson;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonLimits;
import java.util.Optional;

/**
 * One miner's submission as the epoch recorded it (stored as JSON).
 *
 * @param outcome {@link Outcome#code()}
 * @param message one line: why, or what was admitted
 * @param configId the content id of what was submitted, when one was read
 * @param content what an admitted submission carries, by kind
 */
public record SubmissionRecord(
    int uid,
    String miner,
    String coldkey,
    String outcome,
    String message,
    Optional<String> configId,
    Optional<SubmissionContent> content) {
  public SubmissionRecord {
    requireNonNull(miner, "miner");
    requireNonNull(coldkey, "coldkey");
    requireNonNull(outcome, "outcome");
    requireNonNull(message, "message");
    requireNonNull(configId, "configId");
    requireNonNull(content, "content");
  }

  public boolean admitted() {
    return Outcome.ADMITTED.code().equals(outcome);
  }

  /** The configuration document, when an admitted configuration is what was submitted. */
  public Optional<JsonNode> configuration() {
    return content
        .filter(SubmissionContent.Configuration.class::isInstance)
        .map(SubmissionContent::document);
  }

  SubmissionRecord refuse(Outcome o, String why) {
    return new SubmissionRecord(uid, miner, coldkey, o.code(), why, configId, Optional.empty());
  }

  public byte[] toBytes() {
    ObjectNode o =
        Json.newObject()
            .put("uid", uid)
            .put("miner", miner)
            .put("coldkey", coldkey)
            .put("outcome", outcome)
            .put("message", message);
    configId.ifPresent(id -> o.put("config_id", id));
    content.ifPresent(
        c -> {
          o.put("kind", c.kind());
          o.set("configuration", c.document());
        });
    return CanonicalJson.bytes(o);
  }

  public static SubmissionRecord fromBytes(byte[] bytes) {
    JsonNode n = Json.parse(bytes, "stored submission", JsonLimits.UNTRUSTED);
    // Records stored before kinds existed hold configurations.
    String kind = n.path("kind").asText(SubmissionContent.Configuration.KIND);
    return new SubmissionRecord(
        n.path("uid").asInt(),
        n.path("miner").asText(),
        n.path("coldkey").asText(),
        n.path("outcome").asText(),
        n.path("message").asText(),
        Optional.ofNullable(n.get("config_id")).map(JsonNode::asText),
        Optional.ofNullable(n.get("configuration")).map(doc -> SubmissionContent.of(kind, doc)));
  }
}
