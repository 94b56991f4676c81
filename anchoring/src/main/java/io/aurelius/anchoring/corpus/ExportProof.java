package io.aurelius.anchoring.corpus;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.anchoring.note.Checkpoint;
import io.aurelius.anchoring.note.MalformedNoteException;
import io.aurelius.anchoring.note.SignedNote;
import io.aurelius.anchoring.note.VerifierKey;
import io.aurelius.core.json.Json;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * What makes one exported record prove itself: its leaf index, its RFC 9162 audit path (base64, as
 * the checkpoint's root is written), the signed checkpoint note it is proved against (text and
 * signature lines) and the log's verifier key. The {@code proof} object of docs/corpus-format.md.
 */
public record ExportProof(
    long index,
    List<byte[]> auditPath,
    SignedNote note,
    Checkpoint checkpoint,
    VerifierKey logKey) {
  public static final String SCHEMA = "aurelius/export-proof/1";
  private static final int MAX_PATH = 64;

  public ExportProof {
    requireNonNull(note, "note");
    requireNonNull(checkpoint, "checkpoint");
    requireNonNull(logKey, "logKey");
    auditPath = auditPath.stream().map(byte[]::clone).toList();
    if (index < 0) {
      throw new IllegalArgumentException("proof index: " + index + " (expected: >= 0)");
    }
  }

  @Override
  public List<byte[]> auditPath() {
    return auditPath.stream().map(byte[]::clone).toList();
  }

  /** The {@code proof} object, as written in every exported record. */
  public ObjectNode toJson() {
    ObjectNode proof = Json.newObject();
    proof.put("schema", SCHEMA);
    proof.put("index", index);
    ArrayNode path = proof.putArray("auditPath");
    auditPath.forEach(h -> path.add(Base64.getEncoder().encodeToString(h)));
    proof.put("checkpoint", note.format());
    proof.put("logKey", logKey.format());
    return proof;
  }

  /**
   * Reads a {@code proof} object; a field of the wrong shape is a {@link MalformedRecordException}.
   */
  public static ExportProof parse(JsonNode proof) throws MalformedRecordException {
    if (proof == null || !proof.isObject()) {
      throw new MalformedRecordException(
          "record: proof is "
              + (proof == null ? "missing" : proof.getNodeType())
              + " (expected: an object)");
    }
    if (!SCHEMA.equals(proof.path("schema").asText(null))) {
      throw new MalformedRecordException(
          "record: proof.schema " + proof.path("schema") + " (expected: \"" + SCHEMA + "\")");
    }
    JsonNode index = proof.path("index");
    if (!index.canConvertToLong() || !index.isIntegralNumber() || index.asLong() < 0) {
      throw new MalformedRecordException(
          "record: proof.index " + index + " (expected: a leaf index >= 0)");
    }
    JsonNode path = proof.path("auditPath");
    if (!path.isArray() || path.size() > MAX_PATH) {
      throw new MalformedRecordException(
          "record: proof.auditPath is "
              + path.getNodeType()
              + " (expected: an array of at most "
              + MAX_PATH
              + " base64 hashes)");
    }
    List<byte[]> hashes = new ArrayList<>();
    for (int i = 0; i < path.size(); i++) {
      try {
        if (!path.get(i).isTextual()) {
          throw new IllegalArgumentException("not text");
        }
        hashes.add(Base64.getDecoder().decode(path.get(i).asText()));
      } catch (IllegalArgumentException e) {
        throw new MalformedRecordException(
            "record: proof.auditPath[" + i + "] " + path.get(i) + " (expected: base64)");
      }
    }
    SignedNote note;
    Checkpoint checkpoint;
    try {
      note = SignedNote.parse(text(proof, "checkpoint"));
      checkpoint = Checkpoint.parse(note.text());
    } catch (MalformedNoteException e) {
      throw new MalformedRecordException("record: proof.checkpoint: " + e.getMessage());
    }
    VerifierKey key;
    try {
      key = VerifierKey.parse(text(proof, "logKey"));
    } catch (MalformedNoteException e) {
      throw new MalformedRecordException("record: proof.logKey: " + e.getMessage());
    }
    return new ExportProof(index.asLong(), hashes, note, checkpoint, key);
  }

  private static String text(JsonNode proof, String field) throws MalformedRecordException {
    JsonNode v = proof.path(field);
    if (!v.isTextual()) {
      throw new MalformedRecordException(
          "record: proof." + field + " is " + v.getNodeType() + " (expected: text)");
    }
    return v.asText();
  }
}
