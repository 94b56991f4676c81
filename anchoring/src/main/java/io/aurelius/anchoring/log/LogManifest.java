package io.aurelius.anchoring.log;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.anchoring.note.KeyType;
import io.aurelius.anchoring.note.MalformedNoteException;
import io.aurelius.anchoring.note.VerifierKey;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonInputException;
import io.aurelius.core.json.JsonLimits;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Set;

/**
 * {@code log.json}: the format version, what the log holds, its checkpoint origin and the verifier
 * key that signs its checkpoints (whose name is the origin). Written once, at creation; the key is
 * <em>declared</em> here, and trusted only as far as the verifier says.
 */
public record LogManifest(LogKind kind, String origin, VerifierKey logKey) {
  public static final String FORMAT = "aurelius-log/1";
  private static final JsonLimits LIMITS = new JsonLimits(64 * 1024, 8, 4096);
  private static final Set<String> FIELDS = Set.of("format", "kind", "origin", "logKey");

  public LogManifest {
    requireNonNull(kind, "kind");
    requireNonNull(origin, "origin");
    requireNonNull(logKey, "logKey");
    if (logKey.type() != KeyType.ED25519 || !logKey.name().equals(origin)) {
      throw new IllegalArgumentException(
          "log key " + logKey.format() + " (expected: an Ed25519 key named '" + origin + "')");
    }
  }

  public byte[] toBytes() {
    ObjectNode o = Json.newObject();
    o.put("format", FORMAT);
    o.put("kind", kind.id());
    o.put("origin", origin);
    o.put("logKey", logKey.format());
    try {
      return (Json.prettyWriter().writeValueAsString(o) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static LogManifest parse(byte[] bytes, String where) throws NotALogException {
    JsonNode o;
    try {
      o = Json.parse(bytes, where + " " + LogPaths.MANIFEST, LIMITS);
    } catch (JsonInputException e) {
      throw new NotALogException(e.getMessage());
    }
    String what = where + " " + LogPaths.MANIFEST;
    if (!o.isObject()) {
      throw new NotALogException(what + ": not a JSON object");
    }
    for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!FIELDS.contains(f)) {
        throw new NotALogException(
            what + ": unknown field '" + f + "' (expected: " + String.join(", ", FIELDS) + ")");
      }
    }
    String format = text(o, "format", what);
    if (!FORMAT.equals(format)) {
      throw new NotALogException(what + ": format '" + format + "' (expected: " + FORMAT + ")");
    }
    String kindId = text(o, "kind", what);
    LogKind kind =
        LogKind.of(kindId)
            .orElseThrow(
                () ->
                    new NotALogException(
                        what + ": kind '" + kindId + "' (expected: corpus or covenant)"));
    String origin = text(o, "origin", what);
    try {
      return new LogManifest(kind, origin, VerifierKey.parse(text(o, "logKey", what)));
    } catch (MalformedNoteException | IllegalArgumentException e) {
      throw new NotALogException(what + ": " + e.getMessage());
    }
  }

  private static String text(JsonNode o, String field, String what) throws NotALogException {
    JsonNode v = o.get(field);
    if (v == null || !v.isTextual() || v.asText().isEmpty()) {
      throw new NotALogException(what + ": missing or non-text '" + field + "'");
    }
    return v.asText();
  }
}
