package io.aurelius.validator.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.json.CanonicalJson;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonLimits;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Each validator's trust (by hotkey address; 0, neutral, for one never scored), as this validator
 * has computed it from the decisions it saw. Immutable; kept in the state store as canonical JSON.
 */
public record TrustBook(Map<String, Double> trust) {
  public TrustBook {
    trust = Collections.unmodifiableMap(new TreeMap<>(trust));
  }

  public static TrustBook empty() {
    return new TrustBook(Map.of());
  }

  public double of(String validator) {
    return trust.getOrDefault(validator, 0.0);
  }

  public byte[] toBytes() {
    ObjectNode o = Json.newObject();
    trust.forEach(o::put);
    return CanonicalJson.bytes(o);
  }

  public static TrustBook fromBytes(byte[] bytes) {
    JsonNode n = Json.parse(bytes, "validator trust", JsonLimits.UNTRUSTED);
    Map<String, Double> m = new TreeMap<>();
    n.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asDouble()));
    return new TrustBook(m);
  }
}
