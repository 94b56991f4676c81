package io.aurelius.config.submission;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.config.ConfigDocuments;
import io.aurelius.config.model.Signature;
import io.aurelius.config.validation.DocumentReader;
import io.aurelius.config.validation.Problems;
import io.aurelius.core.crypto.Signer;
import io.aurelius.core.hash.ContentId;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.json.Json;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * A miner's answer to a {@link SubmissionQuery} on route {@value #ROUTE}: one world-model module,
 * signed by the miner's hotkey (its {@code signature} block, over the module id), for one validator
 * and epoch. The same envelope as a configuration's {@link Submission}; receivers check it with
 * {@link SubmissionVerifier#checkModule}.
 *
 * <p>On the wire: {@code {"epoch": 7, "issued_at_ms": 1767225600000, "miner": "5F…", "module": {…},
 * "module_id": "…64 hex…", "validator": "5F…"}}.
 */
public record ModuleSubmission(
    long epoch,
    KeyId miner,
    KeyId validator,
    ContentId moduleId,
    ObjectNode module,
    long issuedAtMs) {
  public static final String ROUTE = "miner/module";

  private static final Set<String> MEMBERS =
      Set.of("epoch", "issued_at_ms", "miner", "module", "module_id", "validator");

  public ModuleSubmission {
    requireNonNull(miner, "miner");
    requireNonNull(validator, "validator");
    requireNonNull(moduleId, "moduleId");
    module = requireNonNull(module, "module").deepCopy();
    SubmissionQuery.checkEnvelope(epoch, issuedAtMs);
  }

  /**
   * Answers {@code query} with {@code document} signed by the miner's hotkey: kept as it is when it
   * already carries the miner's valid signature, else re-signed (any other signature block is
   * replaced; the id does not change). Keeping it keeps the bytes: an sr25519 signature is
   * randomized, and every validator must receive, and write into its adoption line, the same
   * document.
   */
  public static ModuleSubmission issue(
      SubmissionQuery query, Signer minerKey, JsonNode document, Instant now) {
    requireNonNull(query, "query");
    requireNonNull(now, "now");
    KeyId miner = KeyId.of(minerKey.publicKey());
    ObjectNode signed =
        signedBy(document, miner)
            ? ((ObjectNode) document).deepCopy()
            : ConfigDocuments.sign(document, minerKey);
    return new ModuleSubmission(
        query.epoch(),
        miner,
        query.validator(),
        ConfigDocuments.id(signed),
        signed,
        now.toEpochMilli());
  }

  /** Whether {@code document} carries {@code miner}'s valid signature over its id. */
  private static boolean signedBy(JsonNode document, KeyId miner) {
    if (!document.isObject()) {
      return false;
    }
    try {
      Optional<Signature> signature = DocumentReader.signatureOf(document, new Problems());
      return signature.isPresent()
          && signature.get().author().equals(miner)
          && ConfigDocuments.verifies(signature.get(), ConfigDocuments.id(document));
    } catch (RuntimeException e) {
      return false; // a malformed block (bad base64, a key of another scheme): signed afresh
    }
  }

  /** A copy of the signed module document. */
  @Override
  public ObjectNode module() {
    return module.deepCopy();
  }

  public Instant issuedAt() {
    return Instant.ofEpochMilli(issuedAtMs);
  }

  public ObjectNode toJson() {
    ObjectNode node = Json.newObject();
    node.put("epoch", epoch);
    node.put("issued_at_ms", issuedAtMs);
    node.put("miner", miner.address());
    node.set("module", module.deepCopy());
    node.put("module_id", moduleId.hex());
    node.put("validator", validator.address());
    return node;
  }

  /** Reads a module submission body strictly (exact members and types); checks nothing else. */
  public static ModuleSubmission fromJson(JsonNode node) {
    WireObject o = WireObject.of(node, "module submission", MEMBERS);
    return new ModuleSubmission(
        o.integer("epoch", 0, SubmissionQuery.MAX_EPOCH),
        o.keyId("miner"),
        o.keyId("validator"),
        o.contentId("module_id"),
        o.object("module"),
        o.integer("issued_at_ms", 0, WireObject.MAX_SAFE_INTEGER));
  }
}
