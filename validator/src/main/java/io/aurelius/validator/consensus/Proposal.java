package io.aurelius.validator.consensus;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.json.CanonicalJson;
import io.aurelius.core.json.Json;
import io.aurelius.worldmodel.transcript.Aene;

/**
 * An aene a validator puts forward for the corpus: the aene itself (so peers can re-judge it) and
 * the proposer's own signed verdict on it.
 */
public record Proposal(Aene aene, SignedVerdict verdict) {
  public Proposal {
    requireNonNull(aene, "aene");
    requireNonNull(verdict, "verdict");
  }

  public String aeneId() {
    return verdict.aene();
  }

  public ObjectNode toJson() {
    ObjectNode o = Json.newObject();
    o.set("aene", aene.toJson());
    o.set("verdict", verdict.toJson());
    return o;
  }

  /**
   * Reads a proposal and checks that it is whole: the verdict names this aene's content id, and the
   * aene round-trips to the same canonical bytes (no member dropped or added).
   */
  public static Proposal fromJson(JsonNode n, String where) {
    if (n == null || !n.isObject() || !n.path("aene").isObject()) {
      throw new IllegalArgumentException(
          where + ": expected {\"aene\": {...}, \"verdict\": {...}}");
    }
    n.fieldNames()
        .forEachRemaining(
            f -> {
              if (!f.equals("aene") && !f.equals("verdict")) {
                throw new IllegalArgumentException(
                    where
                        + "."
                        + (f.length() > 40 ? f.substring(0, 40) + "…" : f)
                        + ": unknown member (expected: aene, verdict)");
              }
            });
    SignedVerdict verdict = SignedVerdict.fromJson(n.get("verdict"), where + ".verdict");
    Aene aene;
    try {
      aene = Aene.fromJson(n.get("aene"));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(where + ".aene: " + e.getMessage(), e);
    }
    String id = CanonicalJson.id(n.get("aene")).hex();
    if (!id.equals(verdict.aene()) || !aene.id().hex().equals(id)) {
      throw new IllegalArgumentException(
          where
              + ".aene: content hashes to "
              + id.substring(0, 16)
              + "… (expected: the verdict's aene "
              + verdict.aene().substring(0, 16)
              + "…)");
    }
    return new Proposal(aene, verdict);
  }
}
