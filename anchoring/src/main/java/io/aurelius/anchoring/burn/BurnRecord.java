package io.aurelius.anchoring.burn;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.crypto.Signer;
import io.aurelius.core.crypto.Verifier;
import io.aurelius.core.crypto.VerifyingKey;
import io.aurelius.core.hash.ContentId;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.json.CanonicalJson;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonInputException;
import io.aurelius.core.json.JsonLimits;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.Set;

/**
 * A signed burn: entry index and id, a one-line reason, the SHA-256 of the evidence, when, and by
 * which hotkey. The signature is by that hotkey, under its scheme (Ed25519 today), over the
 * canonical JSON of every other field.
 */
public record BurnRecord(
    long entry,
    ContentId entryId,
    String reason,
    ContentId evidence,
    long burnedAt,
    KeyId burnedBy,
    byte[] signature) {
  public static final String SCHEMA = "aurelius/burn/1";
  public static final int MAX_REASON = 1000;
  private static final JsonLimits LIMITS = new JsonLimits(16 * 1024, 4, 4096);
  private static final Set<String> FIELDS =
      Set.of(
          "schema", "entry", "entryId", "reason", "evidence", "burnedAt", "burnedBy", "signature");

  public BurnRecord {
    requireNonNull(entryId, "entryId");
    requireNonNull(reason, "reason");
    requireNonNull(evidence, "evidence");
    requireNonNull(burnedBy, "burnedBy");
    requireNonNull(signature, "signature");
    if (entry < 0) {
      throw new IllegalArgumentException("burn entry: " + entry + " (expected: ≥ 0)");
    }
    if (reason.isBlank()
        || reason.length() > MAX_REASON
        || reason.chars().anyMatch(c -> c < 0x20)) {
      throw new IllegalArgumentException(
          "burn reason: "
              + reason.length()
              + " chars (expected: one line of 1.."
              + MAX_REASON
              + " characters)");
    }
    signature = signature.clone();
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  /** Creates and signs a burn of {@code entry} (whose canonical bytes hash to {@code entryId}). */
  public static BurnRecord sign(
      long entry, ContentId entryId, String reason, ContentId evidence, long burnedAt, Signer key) {
    requireNonNull(key, "key");
    BurnRecord unsigned =
        new BurnRecord(
            entry, entryId, reason, evidence, burnedAt, KeyId.of(key.publicKey()), new byte[0]);
    byte[] sig = key.sign(unsigned.signedBytes());
    return new BurnRecord(entry, entryId, reason, evidence, burnedAt, unsigned.burnedBy, sig);
  }

  /** Checks the signature against the key named in {@code burnedBy}. */
  public void verifySignature() throws InvalidBurnException {
    VerifyingKey key = burnedBy.ed25519(); // corpus keys are Ed25519, as C2SP notes are
    if (!Verifier.of(key.scheme()).verify(key, signedBytes(), signature)) {
      throw new InvalidBurnException(
          "burn of entry " + entry + ": signature by " + burnedBy.address() + " does not verify");
    }
  }

  private ObjectNode unsignedJson() {
    ObjectNode o = Json.newObject();
    o.put("schema", SCHEMA);
    o.put("entry", entry);
    o.put("entryId", entryId.hex());
    o.put("reason", reason);
    o.put("evidence", evidence.hex());
    o.put("burnedAt", burnedAt);
    o.put("burnedBy", burnedBy.address());
    return o;
  }

  byte[] signedBytes() {
    return CanonicalJson.bytes(unsignedJson());
  }

  /** Canonical JSON with the signature, plus a newline: the file's bytes. */
  public byte[] toBytes() {
    ObjectNode o = unsignedJson();
    o.put("signature", Base64.getEncoder().encodeToString(signature));
    return (CanonicalJson.string(o) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  public static BurnRecord parse(byte[] bytes, String where) throws InvalidBurnException {
    JsonNode o;
    try {
      o = Json.parse(bytes, where, LIMITS);
    } catch (JsonInputException e) {
      throw new InvalidBurnException(e.getMessage());
    }
    if (!o.isObject()) {
      throw new InvalidBurnException(where + ": not a JSON object");
    }
    for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!FIELDS.contains(f)) {
        throw new InvalidBurnException(where + ": unknown field '" + f + "'");
      }
    }
    if (!SCHEMA.equals(o.path("schema").asText())) {
      throw new InvalidBurnException(
          where + ": schema " + o.path("schema") + " (expected: \"" + SCHEMA + "\")");
    }
    try {
      if (!o.path("entry").canConvertToExactIntegral()
          || !o.path("burnedAt").canConvertToExactIntegral()) {
        throw new IllegalArgumentException("entry and burnedAt must be integers");
      }
      byte[] sig = Base64.getDecoder().decode(o.path("signature").asText(""));
      BurnRecord r =
          new BurnRecord(
              o.path("entry").asLong(),
              ContentId.parse(o.path("entryId").asText("")),
              o.path("reason").asText(""),
              ContentId.parse(o.path("evidence").asText("")),
              o.path("burnedAt").asLong(),
              KeyId.parse(o.path("burnedBy").asText("")),
              sig);
      if (!Arrays.equals(
          (CanonicalJson.string(o) + "\n").getBytes(StandardCharsets.UTF_8), bytes)) {
        throw new IllegalArgumentException("not in canonical form");
      }
      return r;
    } catch (IllegalArgumentException e) {
      throw new InvalidBurnException(where + ": " + e.getMessage());
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BurnRecord b
        && b.entry == entry
        && b.entryId.equals(entryId)
        && b.reason.equals(reason)
        && b.evidence.equals(evidence)
        && b.burnedAt == burnedAt
        && b.burnedBy.equals(burnedBy)
        && Arrays.equals(b.signature, signature);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(entry) * 31 + entryId.hashCode();
  }
}
