package io.aurelius.validator.consensus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.json.CanonicalJson;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonLimits;
import java.util.Map;
import java.util.TreeMap;

/**
 * What this validator thinks of each peer's verdicts, in [0, 1] (prior 0.5): after each epoch a
 * peer's reputation moves toward the share of its verdicts that agreed with the quorum's outcome, r
 * ← r + 0.2·(agreement − r). Immutable; updates return a new book.
 */
public record PeerReputation(Map<String, Double> scores) {
  public static final double PRIOR = 0.5;
  public static final double RATE = 0.2;

  public PeerReputation {
    scores = java.util.Collections.unmodifiableMap(new TreeMap<>(scores));
  }

  public static PeerReputation empty() {
    return new PeerReputation(Map.of());
  }

  public double of(String validator) {
    return scores.getOrDefault(validator, PRIOR);
  }

  public PeerReputation update(Map<String, Double> agreements) {
    Map<String, Double> next = new TreeMap<>(scores);
    agreements.forEach(
        (v, a) -> {
          double r = of(v);
          next.put(v, r + RATE * (Math.max(0, Math.min(1, a)) - r));
        });
    return new PeerReputation(next);
  }

  public byte[] toBytes() {
    ObjectNode o = Json.newObject();
    scores.forEach(o::put);
    return CanonicalJson.bytes(o);
  }

  public static PeerReputation fromBytes(byte[] bytes) {
    JsonNode n = Json.parse(bytes, "peer reputation", JsonLimits.UNTRUSTED);
    Map<String, Double> m = new TreeMap<>();
    n.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asDouble()));
    return new PeerReputation(m);
  }
}
