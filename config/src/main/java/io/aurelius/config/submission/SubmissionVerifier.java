package io.aurelius.config.submission;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.config.ConfigDocuments;
import io.aurelius.config.ConfigLoader;
import io.aurelius.config.ValidationReport;
import io.aurelius.config.model.Signature;
import io.aurelius.config.module.ModuleProblem;
import io.aurelius.config.module.ModuleReport;
import io.aurelius.config.module.ModuleSet;
import io.aurelius.config.module.Modules;
import io.aurelius.config.validation.Limits;
import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.hash.ContentId;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.json.CanonicalJson;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonInputException;
import io.aurelius.core.json.JsonLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Checks a submission body as received from a miner, cheapest checks first, so a hostile body costs
 * little: size, strict JSON, members, the miner, validator and epoch it claims, freshness, the
 * configuration's canonical size, its id, its signature (present, by the miner, valid), and only
 * then full validation of the configuration. Stateless and thread-safe.
 *
 * <pre>{@code
 * SubmissionCheck check = SubmissionVerifier.defaults()
 *     .check(reply.body(), query, minerHotkey, clock.instant());
 * if (check instanceof SubmissionCheck.Admitted a) {
 *   admit(a.submission(), a.config());
 * } else if (check instanceof SubmissionCheck.Refused r) {
 *   record(r.reason().code(), r.message());
 * }
 * }</pre>
 */
public final class SubmissionVerifier {
  public static final Duration DEFAULT_MAX_CLOCK_SKEW = Duration.ofMinutes(2);
  private static final int SIGNATURE_BYTES = 64;

  private final Duration maxClockSkew;

  public SubmissionVerifier(Duration maxClockSkew) {
    requireNonNull(maxClockSkew, "maxClockSkew");
    if (maxClockSkew.isNegative() || maxClockSkew.isZero()) {
      throw new IllegalArgumentException("maxClockSkew: " + maxClockSkew + " (expected: positive)");
    }
    this.maxClockSkew = maxClockSkew;
  }

  public static SubmissionVerifier defaults() {
    return new SubmissionVerifier(DEFAULT_MAX_CLOCK_SKEW);
  }

  /**
   * Checks {@code body}, the verified response of {@code miner} to {@code query}.
   *
   * @param miner the hotkey that answered (the transport checked the response signature)
   * @param now the receiver's clock
   */
  public SubmissionCheck check(byte[] body, SubmissionQuery query, KeyId miner, Instant now) {
    return check(body, query, miner, now, ModuleSet.BASE);
  }

  /**
   * As {@link #check(byte[], SubmissionQuery, KeyId, Instant)}, resolving the configuration's
   * {@code imports} against {@code adopted}, the receiver's current world model.
   */
  public SubmissionCheck check(
      byte[] body, SubmissionQuery query, KeyId miner, Instant now, ModuleSet adopted) {
    requireNonNull(body, "body");
    requireNonNull(adopted, "adopted");
    requireNonNull(query, "query");
    requireNonNull(miner, "miner");
    requireNonNull(now, "now");
    int maxWire = Submission.maxWireBytes(query.maxBytes());
    if (body.length > maxWire) {
      return refused(
          SubmissionReason.OVERSIZE,
          "submission: "
              + body.length
              + " bytes (expected: at most "
              + maxWire
              + " for max_bytes "
              + query.maxBytes()
              + ")");
    }
    Submission submission;
    try {
      JsonNode tree =
          Json.parse(
              body,
              "submission",
              new JsonLimits(maxWire, Limits.MAX_JSON_DEPTH + 1, Limits.MAX_DOCUMENT_BYTES));
      submission = Submission.fromJson(tree);
    } catch (JsonInputException | MalformedSubmissionException e) {
      return refused(SubmissionReason.MALFORMED, e.getMessage());
    }
    return check(submission, query, miner, now, adopted);
  }

  /** As {@link #check(byte[], SubmissionQuery, KeyId, Instant)}, for an already read body. */
  public SubmissionCheck check(
      Submission submission, SubmissionQuery query, KeyId miner, Instant now) {
    return check(submission, query, miner, now, ModuleSet.BASE);
  }

  /** As {@link #check(Submission, SubmissionQuery, KeyId, Instant)}, against {@code adopted}. */
  public SubmissionCheck check(
      Submission submission, SubmissionQuery query, KeyId miner, Instant now, ModuleSet adopted) {
    requireNonNull(submission, "submission");
    requireNonNull(adopted, "adopted");
    requireNonNull(query, "query");
    requireNonNull(miner, "miner");
    requireNonNull(now, "now");
    Optional<SubmissionCheck.Refused> envelope =
        envelope(
            new Envelope(
                "submission",
                "configuration",
                "config_id",
                submission.epoch(),
                submission.miner(),
                submission.validator(),
                submission.issuedAt(),
                submission.configuration(),
                submission.configId()),
            query,
            miner,
            now);
    if (envelope.isPresent()) {
      return envelope.get();
    }
    byte[] canonical = CanonicalJson.bytes(submission.configuration());
    ValidationReport report = ConfigLoader.validate(canonical, adopted);
    if (!report.valid()) {
      int more = report.problems().size() - 1;
      return refused(
          SubmissionReason.INVALID_CONFIG,
          "submission.configuration: "
              + report.problems().get(0)
              + (more > 0 ? " (and " + more + " more problems)" : ""));
    }
    return new SubmissionCheck.Admitted(submission, report.config().orElseThrow());
  }

  /**
   * Checks {@code body}, the verified response of {@code miner} on {@link ModuleSubmission#ROUTE}
   * to {@code query}: the same envelope checks as a configuration's, then the module's own ({@link
   * Modules#validate(JsonNode, ModuleSet)}: schema, names, sandbox, opacity, imports) against
   * {@code adopted}, the receiver's current world model.
   */
  public ModuleSubmissionCheck checkModule(
      byte[] body, SubmissionQuery query, KeyId miner, Instant now, ModuleSet adopted) {
    requireNonNull(body, "body");
    requireNonNull(query, "query");
    requireNonNull(miner, "miner");
    requireNonNull(now, "now");
    requireNonNull(adopted, "adopted");
    int maxWire = Submission.maxWireBytes(query.maxBytes());
    if (body.length > maxWire) {
      return new ModuleSubmissionCheck.Refused(
          SubmissionReason.OVERSIZE,
          "module submission: " + body.length + " bytes (expected: at most " + maxWire + ")");
    }
    ModuleSubmission submission;
    try {
      JsonNode tree =
          Json.parse(
              body,
              "module submission",
              new JsonLimits(maxWire, Limits.MAX_JSON_DEPTH + 1, Limits.MAX_DOCUMENT_BYTES));
      submission = ModuleSubmission.fromJson(tree);
    } catch (JsonInputException | MalformedSubmissionException e) {
      return new ModuleSubmissionCheck.Refused(SubmissionReason.MALFORMED, e.getMessage());
    }
    Optional<SubmissionCheck.Refused> envelope =
        envelope(
            new Envelope(
                "module submission",
                "module",
                "module_id",
                submission.epoch(),
                submission.miner(),
                submission.validator(),
                submission.issuedAt(),
                submission.module(),
                submission.moduleId()),
            query,
            miner,
            now);
    if (envelope.isPresent()) {
      return new ModuleSubmissionCheck.Refused(envelope.get().reason(), envelope.get().message());
    }
    ModuleReport report = Modules.validate(submission.module(), adopted);
    if (!report.problems().isEmpty() || report.module().isEmpty()) {
      int more = report.problems().size() - 1;
      ModuleProblem first = report.problems().get(0);
      return new ModuleSubmissionCheck.Refused(
          SubmissionReason.INVALID_MODULE,
          "module submission.module: "
              + first.path()
              + ": ["
              + first.reason().code()
              + "] "
              + first.message()
              + (more > 0 ? " (and " + more + " more problems)" : ""));
    }
    return new ModuleSubmissionCheck.Admitted(submission, report.module().get());
  }

  /** What every submitted document's envelope claims, named as it is on the wire. */
  private record Envelope(
      String what,
      String member,
      String idMember,
      long epoch,
      KeyId miner,
      KeyId validator,
      Instant issuedAt,
      ObjectNode document,
      ContentId claimedId) {}

  /**
   * The envelope's refusal, cheapest check first: miner, validator, epoch, freshness, the
   * document's canonical size, its id and the miner's signature over it; empty when all hold.
   */
  private Optional<SubmissionCheck.Refused> envelope(
      Envelope e, SubmissionQuery query, KeyId miner, Instant now) {
    if (!e.miner().equals(miner)) {
      return Optional.of(
          refused(
              SubmissionReason.WRONG_MINER,
              e.what()
                  + ".miner: "
                  + e.miner()
                  + " (expected: the hotkey that answered, "
                  + miner
                  + ")"));
    }
    if (!e.validator().equals(query.validator())) {
      return Optional.of(
          refused(
              SubmissionReason.WRONG_VALIDATOR,
              e.what()
                  + ".validator: "
                  + e.validator()
                  + " (expected: "
                  + query.validator()
                  + ")"));
    }
    if (e.epoch() != query.epoch()) {
      return Optional.of(
          refused(
              SubmissionReason.WRONG_EPOCH,
              e.what() + ".epoch: " + e.epoch() + " (expected: " + query.epoch() + ")"));
    }
    Duration skew = Duration.between(now, e.issuedAt()).abs();
    if (skew.compareTo(maxClockSkew) > 0) {
      return Optional.of(
          refused(
              SubmissionReason.STALE,
              e.what()
                  + ".issued_at_ms: "
                  + e.issuedAt()
                  + " is "
                  + skew.toSeconds()
                  + " s from this node's clock "
                  + now
                  + " (expected: within "
                  + maxClockSkew.toSeconds()
                  + " s)"));
    }
    ObjectNode document = e.document();
    byte[] canonical;
    ContentId id;
    try {
      canonical = CanonicalJson.bytes(document);
      id = ConfigDocuments.id(document);
    } catch (JsonInputException ex) {
      return Optional.of(
          refused(
              SubmissionReason.MALFORMED, e.what() + "." + e.member() + ": " + ex.getMessage()));
    }
    if (canonical.length > query.maxBytes()) {
      return Optional.of(
          refused(
              SubmissionReason.OVERSIZE,
              e.what()
                  + "."
                  + e.member()
                  + ": "
                  + canonical.length
                  + " canonical bytes (expected: at most max_bytes "
                  + query.maxBytes()
                  + ")"));
    }
    if (!id.equals(e.claimedId())) {
      return Optional.of(
          refused(
              SubmissionReason.ID_MISMATCH,
              e.what()
                  + "."
                  + e.idMember()
                  + ": "
                  + e.claimedId().hex()
                  + " (expected: the "
                  + e.member()
                  + "'s id "
                  + id.hex()
                  + ")"));
    }
    return signatureProblem(document, miner, id, e.what() + "." + e.member() + ".signature");
  }

  /** The signature problem, or empty when the block is the miner's valid signature over id. */
  private static Optional<SubmissionCheck.Refused> signatureProblem(
      ObjectNode document, KeyId miner, ContentId id, String where) {
    JsonNode block = document.get(ConfigDocuments.SIGNATURE);
    if (block == null) {
      return Optional.of(
          refused(
              SubmissionReason.UNSIGNED,
              where + ": missing " + "(expected: the miner's signature block)"));
    }
    JsonNode author = block.get("author");
    JsonNode value = block.get("signature");
    if (!block.isObject()
        || author == null
        || !author.isTextual()
        || value == null
        || !value.isTextual()) {
      return Optional.of(
          refused(
              SubmissionReason.BAD_SIGNATURE,
              where + ": " + "malformed (expected: {\"author\": key id, \"signature\": base64})"));
    }
    JsonNode schemeName = block.get("scheme");
    KeyId signer;
    KeyScheme scheme;
    byte[] bytes;
    try {
      signer = KeyId.parse(author.textValue());
      scheme =
          schemeName == null
              ? KeyScheme.ED25519
              : KeyScheme.fromWireName(schemeName.isTextual() ? schemeName.textValue() : "?");
      bytes = Base64.getDecoder().decode(value.textValue());
    } catch (IllegalArgumentException e) {
      return Optional.of(
          refused(
              SubmissionReason.BAD_SIGNATURE, where + ": " + WireObject.shorten(e.getMessage())));
    }
    if (!signer.equals(miner)) {
      return Optional.of(
          refused(
              SubmissionReason.WRONG_SIGNER,
              where + ".author: " + signer + " (expected: the miner " + miner + ")"));
    }
    if (bytes.length != SIGNATURE_BYTES
        || !ConfigDocuments.verifies(new Signature(signer, scheme, value.textValue()), id)) {
      return Optional.of(
          refused(
              SubmissionReason.BAD_SIGNATURE,
              where
                  + ": does not verify for "
                  + signer
                  + " over id "
                  + id.hex()
                  + " (expected: an Ed25519 signature by the miner)"));
    }
    return Optional.empty();
  }

  private static SubmissionCheck.Refused refused(SubmissionReason reason, String message) {
    return new SubmissionCheck.Refused(reason, message);
  }
}
