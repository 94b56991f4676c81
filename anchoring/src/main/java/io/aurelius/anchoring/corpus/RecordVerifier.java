package io.aurelius.anchoring.corpus;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.anchoring.merkle.InvalidProofException;
import io.aurelius.anchoring.merkle.MerkleHasher;
import io.aurelius.anchoring.merkle.MerkleVerifier;
import io.aurelius.anchoring.note.Checkpoint;
import io.aurelius.anchoring.note.KeyType;
import io.aurelius.anchoring.note.NoteVerificationException;
import io.aurelius.anchoring.note.NoteVerifier;
import io.aurelius.anchoring.note.VerifiedSignature;
import io.aurelius.anchoring.note.VerifierKey;
import io.aurelius.core.json.CanonicalJson;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonInputException;
import io.aurelius.core.json.JsonLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Verifies one exported record alone, offline: the record is what its entry gives (the export's own
 * derivation, so a chat turn cannot be edited apart from its entry), the entry's leaf {@code
 * SHA-256(0x00 ‖ JCS(entry))} is included in the checkpoint by its audit path (RFC 9162 §2.1.3.2),
 * and the checkpoint note is signed by a trusted log key, or, with none given, by the key the
 * record carries, which proves only that the record is self-consistent.
 */
public final class RecordVerifier {
  private static final JsonLimits LIMITS = new JsonLimits(4 << 20, 40, 4 << 20);

  private RecordVerifier() {}

  /** What a record proved. */
  public record Result(
      long index,
      String entryId,
      Checkpoint checkpoint,
      VerifierKey signer,
      boolean trusted,
      List<String> witnesses) {
    public Result {
      requireNonNull(entryId, "entryId");
      requireNonNull(checkpoint, "checkpoint");
      requireNonNull(signer, "signer");
      witnesses = List.copyOf(witnesses);
    }

    /** The one-line summary. */
    public String line() {
      String what =
          "OK: entry "
              + index
              + " (id "
              + entryId
              + ") is included in checkpoint "
              + checkpoint.size()
              + " of "
              + checkpoint.origin();
      String by = signer.name() + "+" + signer.keyIdHex();
      String cosigned = witnesses.isEmpty() ? "" : ", cosigned by " + String.join(", ", witnesses);
      return trusted
          ? what + ", signed by trusted key " + by + cosigned
          : what
              + ", signed by "
              + by
              + ", the key the record itself carries: this proves the record is self-consistent,"
              + " not who signed it (give --trusted-key)";
    }
  }

  /** Parses and verifies one record line; {@code trusted} empty means the record's own key. */
  public static Result verify(String line, List<VerifierKey> trusted)
      throws MalformedRecordException, RecordVerificationException {
    requireNonNull(line, "line");
    requireNonNull(trusted, "trusted");
    JsonNode record;
    try {
      record = Json.parse(line, "record", LIMITS);
    } catch (JsonInputException e) {
      throw new MalformedRecordException(e.getMessage());
    }
    if (!record.isObject()) {
      throw new MalformedRecordException(
          "record: " + record.getNodeType() + " (expected: a JSON object)");
    }
    ExportProof proof = ExportProof.parse(record.get("proof"));
    long index = proof.index();
    if (!record.path("entry").isObject()) {
      throw new MalformedRecordException(
          "record: entry is " + record.path("entry").getNodeType() + " (expected: an object)");
    }
    CorpusEntry entry;
    try {
      // A proof that parses makes this a record: an entry of the wrong shape is a failed check.
      entry = CorpusEntry.of(record.get("entry"), "entry " + index);
    } catch (InvalidEntryException e) {
      throw new RecordVerificationException(e.getMessage());
    }
    try {
      matchesEntry((ObjectNode) record, entry, proof);
    } catch (JsonInputException e) {
      throw new MalformedRecordException("record: " + e.getMessage());
    }

    Checkpoint checkpoint = proof.checkpoint();
    byte[] leaf = new MerkleHasher().leafHash(entry.bytes());
    try {
      new MerkleVerifier(new MerkleHasher())
          .verifyInclusion(index, checkpoint.size(), leaf, proof.auditPath(), checkpoint.root());
    } catch (InvalidProofException e) {
      throw new RecordVerificationException(
          "entry "
              + index
              + ": not proved included in checkpoint "
              + checkpoint.size()
              + " of "
              + checkpoint.origin()
              + ": "
              + e.getMessage());
    }

    boolean own = trusted.isEmpty();
    List<VerifierKey> keys = own ? List.of(proof.logKey()) : trusted;
    List<VerifiedSignature> verified;
    try {
      verified = new NoteVerifier(keys).verify(proof.note());
    } catch (NoteVerificationException e) {
      throw new RecordVerificationException(
          "checkpoint " + checkpoint.size() + ": " + e.getMessage());
    }
    VerifierKey signer =
        verified.stream()
            .map(VerifiedSignature::key)
            .filter(k -> k.type() == KeyType.ED25519)
            .findFirst()
            .orElseThrow(
                () ->
                    new RecordVerificationException(
                        "checkpoint "
                            + checkpoint.size()
                            + " of "
                            + checkpoint.origin()
                            + ": no signature by "
                            + (own ? "the record's log key " : "a trusted log key ")
                            + names(keys, KeyType.ED25519)
                            + " (signed by: "
                            + signers(proof)
                            + ")"));
    List<String> witnesses = new ArrayList<>();
    verified.stream()
        .map(VerifiedSignature::key)
        .filter(k -> k.type() == KeyType.COSIGNATURE)
        .forEach(k -> witnesses.add(k.name()));
    return new Result(index, entry.id().hex(), checkpoint, signer, !own, witnesses);
  }

  /**
   * The record must be exactly what the export derives from its entry and proof: every field, in
   * both formats, so the text a model is trained on is the text that was proved.
   */
  private static void matchesEntry(ObjectNode record, CorpusEntry entry, ExportProof proof)
      throws RecordVerificationException {
    ExportFormat format = record.has("messages") ? ExportFormat.CHAT : ExportFormat.JSONL;
    ObjectNode expected = CorpusExport.record(format, entry, proof);
    TreeSet<String> fields = new TreeSet<>();
    record.fieldNames().forEachRemaining(fields::add);
    expected.fieldNames().forEachRemaining(fields::add);
    for (String field : fields) {
      if (field.equals("proof")) {
        continue; // parsed and re-encoded above; its checks follow
      }
      JsonNode got = record.get(field);
      JsonNode want = expected.get(field);
      if (want == null
          || got == null
          || !CanonicalJson.string(got).equals(CanonicalJson.string(want))) {
        throw new RecordVerificationException(
            "entry "
                + proof.index()
                + ": "
                + format.name().toLowerCase(java.util.Locale.ROOT)
                + " field '"
                + field
                + "' "
                + (got == null
                    ? "is missing"
                    : want == null
                        ? "is not part of an exported record"
                        : "does not match the entry (the entry or this field was altered; the entry"
                            + " hashes to id "
                            + entry.id().hex()
                            + ")"));
      }
    }
  }

  private static String names(List<VerifierKey> keys, KeyType type) {
    List<String> out =
        keys.stream()
            .filter(k -> k.type() == type)
            .map(k -> k.name() + "+" + k.keyIdHex())
            .toList();
    return out.isEmpty() ? "(none given)" : String.join(", ", out);
  }

  private static String signers(ExportProof proof) {
    List<String> out = new ArrayList<>();
    proof.note().signatures().forEach(s -> out.add(s.name() + "+" + s.keyIdHex()));
    return out.isEmpty() ? "nobody" : String.join(", ", out);
  }
}
