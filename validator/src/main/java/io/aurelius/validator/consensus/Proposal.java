package io.aurelius.validator.consensus;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.json.CanonicalJson;
import io.aurelius.core.json.Json;
import io.aurelius.worldmodel.outcome.Ulfr;
import io.aurelius.worldmodel.outcome.UlfrJson;
import io.aurelius.worldmodel.transcript.Aene;
import java.util.Optional;

/**
 * An aene a validator puts forward for the corpus: the aene itself (so peers can re-judge it), the
 * proposer's own signed verdict on it and, optionally, the ULFR lens of the run it came from (what
 * that run did to its world, computed by the proposer from its transcript; the corpus entry carries
 * it).
 */
public record Proposal(Aene aene, SignedVerdict verdict, Optional<Ulfr> outcome) {
  public Proposal {
    requireNonNull(aene, "aene");
    requireNonNull(verdict, "verdict");
    requireNonNull(outcome, "outcome");
  }

  public Proposal(Aene aene, SignedVerdict verdict) {
    this(aene, verdict, Optional.empty());
  }

  public String aeneId() {
    return verdict.aene();
  }

  public ObjectNode toJson() {
    ObjectNode o = Json.newObject();
    o.set("aene", aene.toJson());
    o.set("verdict", verdict.toJson());
    outcome.ifPresent(u -> o.set("outcome", UlfrJson.of(u)));
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
              if (!f.equals("aene") && !f.equals("verdict") && !f.equals("outcome")) {
                throw new IllegalArgumentException(
                    where
                        + "."
                        + (f.length() > 40 ? f.substring(0, 40) + "…" : f)
                        + ": unknown member (expected: aene, verdict, outcome)");
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
    Optional<Ulfr> outcome =
        n.has("outcome")
            ? Optional.of(UlfrJson.fromJson(n.get("outcome"), where + ".outcome"))
            : Optional.empty();
    return new Proposal(aene, verdict, outcome);
  }
}
