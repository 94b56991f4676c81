package io.aurelius.anchoring.covenant;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.hash.ContentId;
import io.aurelius.core.json.CanonicalJson;
import io.aurelius.core.json.Json;

/**
 * A proposed covenant amendment put to the validators' vote: the amendment entry exactly as it
 * would be appended (naming the entry it amends), and the evidence that motivates it (for a ULFR
 * weight recalibration, the regret of the current weights against the proposed ones). Its id, which
 * votes sign, is the SHA-256 of the canonical JSON {@code {"amendment": …, "evidence": …}}.
 */
public record AmendmentProposal(ObjectNode amendment, ObjectNode evidence) {
  public AmendmentProposal {
    amendment = requireNonNull(amendment, "amendment").deepCopy();
    evidence = requireNonNull(evidence, "evidence").deepCopy();
  }

  /**
   * Proposes to merge {@code parameters} into the covenant in force.
   *
   * @throws InvalidCovenantException if the amendment would not apply to {@code current}
   */
  public static AmendmentProposal of(
      Covenant current, String rationale, ObjectNode parameters, ObjectNode evidence)
      throws InvalidCovenantException {
    ObjectNode a =
        Json.newObject()
            .put("schema", Covenant.SCHEMA)
            .put("type", "amendment")
            .put("amends", current.latest().hex())
            .put("rationale", rationale);
    a.putObject("changes").set("parameters", parameters.deepCopy());
    AmendmentProposal p = new AmendmentProposal(a, evidence);
    current.amend(p.entry());
    return p;
  }

  /** The covenant log entry adoption appends. */
  public byte[] entry() {
    return CanonicalJson.bytes(amendment);
  }

  public ContentId id() {
    ObjectNode o = Json.newObject();
    o.set("amendment", amendment);
    o.set("evidence", evidence);
    return CanonicalJson.id(o);
  }

  @Override
  public ObjectNode amendment() {
    return amendment.deepCopy();
  }

  @Override
  public ObjectNode evidence() {
    return evidence.deepCopy();
  }
}
