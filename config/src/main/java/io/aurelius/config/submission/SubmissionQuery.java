package io.aurelius.config.submission;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.config.validation.Limits;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.json.Json;
import java.util.Set;

/**
 * A validator's request for one submission: the epoch it is collecting for, its own hotkey (which
 * must be the sender of the signed request), and the largest configuration it will take, counted in
 * canonical JSON bytes of the signed document.
 *
 * <p>On the wire: {@code {"epoch": 7, "max_bytes": 65536, "validator": "5F…"}}.
 */
public record SubmissionQuery(long epoch, KeyId validator, int maxBytes) {
  /** The signed route a miner serves this query on: {@code POST /v1/miner/query}. */
  public static final String ROUTE = "miner/query";

  public static final long MAX_EPOCH = WireObject.MAX_SAFE_INTEGER;

  /**
   * Checks the epoch and issue time every signed answer to a query carries (configurations and
   * modules alike).
   */
  static void checkEnvelope(long epoch, long issuedAtMs) {
    if (epoch < 0 || epoch > MAX_EPOCH) {
      throw new IllegalArgumentException("epoch: " + epoch + " (expected: 0.." + MAX_EPOCH + ")");
    }
    if (issuedAtMs < 0 || issuedAtMs > WireObject.MAX_SAFE_INTEGER) {
      throw new IllegalArgumentException(
          "issued_at_ms: " + issuedAtMs + " (expected: 0.." + WireObject.MAX_SAFE_INTEGER + ")");
    }
  }

  /** The largest configuration any query may ask for: the format's own document limit. */
  public static final int MAX_CONFIG_BYTES = Limits.MAX_DOCUMENT_BYTES;

  /** A query body is small; anything larger is refused before parsing. */
  public static final int MAX_WIRE_BYTES = 1024;

  private static final Set<String> MEMBERS = Set.of("epoch", "max_bytes", "validator");

  public SubmissionQuery {
    requireNonNull(validator, "validator");
    if (epoch < 0 || epoch > MAX_EPOCH) {
      throw new IllegalArgumentException("epoch: " + epoch + " (expected: 0.." + MAX_EPOCH + ")");
    }
    if (maxBytes < 1 || maxBytes > MAX_CONFIG_BYTES) {
      throw new IllegalArgumentException(
          "max_bytes: " + maxBytes + " (expected: 1.." + MAX_CONFIG_BYTES + ")");
    }
  }

  public ObjectNode toJson() {
    ObjectNode node = Json.newObject();
    node.put("epoch", epoch);
    node.put("max_bytes", maxBytes);
    node.put("validator", validator.address());
    return node;
  }

  /** Reads a query body strictly (exact members, types and ranges). */
  public static SubmissionQuery fromJson(JsonNode node) {
    WireObject o = WireObject.of(node, "query", MEMBERS);
    long epoch = o.integer("epoch", 0, MAX_EPOCH);
    int maxBytes = (int) o.integer("max_bytes", 1, MAX_CONFIG_BYTES);
    return new SubmissionQuery(epoch, o.keyId("validator"), maxBytes);
  }
}
