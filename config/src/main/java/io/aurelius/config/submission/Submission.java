package io.aurelius.config.submission;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.config.ConfigDocuments;
import io.aurelius.core.crypto.Signer;
import io.aurelius.core.hash.ContentId;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.json.CanonicalJson;
import io.aurelius.core.json.Json;
import java.time.Instant;
import java.util.Set;

/**
 * A miner's answer to a {@link SubmissionQuery}: one configuration, signed by the miner's hotkey
 * (its {@code signature} block, over the configuration id), for one validator and epoch. {@code
 * configId} repeats the id so a receiver can refuse a mismatch before any other work. Receivers
 * check it with {@link SubmissionVerifier}, never by reading fields.
 *
 * <p>On the wire (canonical JSON, members in this order after sorting): {@code {"config_id": "…64
 * hex…", "configuration": {…}, "epoch": 7, "issued_at_ms": 1767225600000, "miner": "5F…",
 * "validator": "5F…"}}.
 */
public record Submission(
    long epoch,
    KeyId miner,
    KeyId validator,
    ContentId configId,
    ObjectNode configuration,
    long issuedAtMs) {
  /** Bytes a submission body may add around its configuration (names, ids, keys, numbers). */
  public static final int ENVELOPE_BYTES = 1024;

  private static final Set<String> MEMBERS =
      Set.of("config_id", "configuration", "epoch", "issued_at_ms", "miner", "validator");

  public Submission {
    requireNonNull(miner, "miner");
    requireNonNull(validator, "validator");
    requireNonNull(configId, "configId");
    requireNonNull(configuration, "configuration");
    configuration = configuration.deepCopy();
    SubmissionQuery.checkEnvelope(epoch, issuedAtMs);
  }

  /**
   * Answers {@code query} with {@code document}, re-signed by the miner's hotkey (any earlier
   * signature block is replaced; the id does not change).
   */
  public static Submission issue(
      SubmissionQuery query, Signer minerKey, JsonNode document, Instant now) {
    requireNonNull(query, "query");
    requireNonNull(minerKey, "minerKey");
    requireNonNull(document, "document");
    requireNonNull(now, "now");
    ObjectNode signed = ConfigDocuments.sign(document, minerKey);
    return new Submission(
        query.epoch(),
        KeyId.of(minerKey.publicKey()),
        query.validator(),
        ConfigDocuments.id(signed),
        signed,
        now.toEpochMilli());
  }

  /** A copy of the signed configuration document. */
  @Override
  public ObjectNode configuration() {
    return configuration.deepCopy();
  }

  public Instant issuedAt() {
    return Instant.ofEpochMilli(issuedAtMs);
  }

  /** The size the query's {@code max_bytes} bounds: canonical bytes of the signed document. */
  public int configurationBytes() {
    return CanonicalJson.bytes(configuration).length;
  }

  /** The largest body a submission for {@code maxConfigBytes} may take on the wire. */
  public static int maxWireBytes(int maxConfigBytes) {
    return maxConfigBytes + ENVELOPE_BYTES;
  }

  public ObjectNode toJson() {
    ObjectNode node = Json.newObject();
    node.put("config_id", configId.hex());
    node.set("configuration", configuration.deepCopy());
    node.put("epoch", epoch);
    node.put("issued_at_ms", issuedAtMs);
    node.put("miner", miner.address());
    node.put("validator", validator.address());
    return node;
  }

  /** Reads a submission body strictly (exact members and types); checks nothing else. */
  public static Submission fromJson(JsonNode node) {
    WireObject o = WireObject.of(node, "submission", MEMBERS);
    return new Submission(
        o.integer("epoch", 0, SubmissionQuery.MAX_EPOCH),
        o.keyId("miner"),
        o.keyId("validator"),
        o.contentId("config_id"),
        o.object("configuration"),
        o.integer("issued_at_ms", 0, WireObject.MAX_SAFE_INTEGER));
  }
}
