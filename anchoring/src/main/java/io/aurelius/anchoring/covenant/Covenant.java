package io.aurelius.anchoring.covenant;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.hash.ContentId;
import io.aurelius.core.json.CanonicalJson;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonInputException;
import io.aurelius.core.json.JsonLimits;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The covenant in force after replaying entries 0..n−1: purpose, corpus criteria and protocol
 * parameters, the number of entries and the id of the last one (which the next amendment must
 * name). Entry shapes are in docs/corpus-format.md.
 */
public record Covenant(
    String purpose,
    List<String> corpusCriteria,
    ObjectNode parameters,
    long entries,
    ContentId latest) {
  public static final String SCHEMA = "aurelius/covenant/1";
  public static final JsonLimits LIMITS = new JsonLimits(1 << 20, 32, 256 * 1024);
  private static final Set<String> GENESIS_FIELDS =
      Set.of("schema", "type", "purpose", "corpusCriteria", "parameters");
  private static final Set<String> AMENDMENT_FIELDS =
      Set.of("schema", "type", "amends", "rationale", "changes");
  private static final Set<String> CHANGE_FIELDS =
      Set.of("purpose", "corpusCriteria", "parameters");

  public Covenant {
    requireNonNull(purpose, "purpose");
    corpusCriteria = List.copyOf(corpusCriteria);
    parameters = parameters.deepCopy();
    requireNonNull(latest, "latest");
  }

  @Override
  public ObjectNode parameters() {
    return parameters.deepCopy();
  }

  /** Replays the covenant log's entries (canonical JSON bytes) in order. */
  public static Covenant replay(List<byte[]> entries) throws InvalidCovenantException {
    requireNonNull(entries, "entries");
    if (entries.isEmpty()) {
      throw new InvalidCovenantException(
          "covenant: no entries (expected: a genesis covenant as entry 0)");
    }
    Covenant c = genesis(entries.get(0));
    for (int i = 1; i < entries.size(); i++) {
      c = c.amend(entries.get(i));
    }
    return c;
  }

  /** Checks entry 0 and returns the covenant it founds. */
  public static Covenant genesis(byte[] entry) throws InvalidCovenantException {
    String where = "covenant entry 0";
    JsonNode o = parse(entry, where);
    fields(o, GENESIS_FIELDS, where);
    if (!"genesis".equals(o.path("type").asText())) {
      throw new InvalidCovenantException(
          where + ": type " + o.path("type") + " (expected: \"genesis\")");
    }
    String purpose = text(o, "purpose", where);
    List<String> criteria = criteria(o.get("corpusCriteria"), where);
    JsonNode parameters = o.get("parameters");
    if (parameters == null || !parameters.isObject()) {
      throw new InvalidCovenantException(where + ": parameters is missing or not an object");
    }
    return new Covenant(purpose, criteria, (ObjectNode) parameters, 1, ContentId.of(entry));
  }

  /** Applies the amendment that would be entry number {@link #entries()}. */
  public Covenant amend(byte[] entry) throws InvalidCovenantException {
    String where = "covenant entry " + entries;
    JsonNode o = parse(entry, where);
    fields(o, AMENDMENT_FIELDS, where);
    if (!"amendment".equals(o.path("type").asText())) {
      throw new InvalidCovenantException(
          where + ": type " + o.path("type") + " (expected: \"amendment\")");
    }
    if (!latest.hex().equals(o.path("amends").asText())) {
      throw new InvalidCovenantException(
          where
              + ": amends "
              + o.path("amends")
              + " (expected: \""
              + latest.hex()
              + "\", the id of entry "
              + (entries - 1)
              + ")");
    }
    text(o, "rationale", where);
    JsonNode changes = o.get("changes");
    if (changes == null || !changes.isObject() || changes.isEmpty()) {
      throw new InvalidCovenantException(where + ": changes is missing, empty or not an object");
    }
    fields(changes, CHANGE_FIELDS, where + ": changes");
    String purpose =
        changes.has("purpose") ? text(changes, "purpose", where + ": changes") : this.purpose;
    List<String> criteria =
        changes.has("corpusCriteria")
            ? criteria(changes.get("corpusCriteria"), where)
            : corpusCriteria;
    ObjectNode params = parameters.deepCopy();
    if (changes.has("parameters")) {
      JsonNode patch = changes.get("parameters");
      if (!patch.isObject()) {
        throw new InvalidCovenantException(
            where + ": changes.parameters is not an object (expected: a JSON merge patch)");
      }
      mergePatch(params, (ObjectNode) patch);
    }
    return new Covenant(purpose, criteria, params, entries + 1, ContentId.of(entry));
  }

  /** RFC 7386: null removes a member, objects merge recursively, anything else replaces. */
  static void mergePatch(ObjectNode target, ObjectNode patch) {
    for (Map.Entry<String, JsonNode> e : patch.properties()) {
      JsonNode value = e.getValue();
      if (value.isNull()) {
        target.remove(e.getKey());
      } else if (value.isObject() && target.path(e.getKey()).isObject()) {
        mergePatch((ObjectNode) target.get(e.getKey()), (ObjectNode) value);
      } else if (value.isObject()) {
        ObjectNode fresh = target.putObject(e.getKey());
        mergePatch(fresh, (ObjectNode) value);
      } else {
        target.set(e.getKey(), value.deepCopy());
      }
    }
  }

  private static JsonNode parse(byte[] entry, String where) throws InvalidCovenantException {
    JsonNode o;
    try {
      o = Json.parse(entry, where, LIMITS);
    } catch (JsonInputException e) {
      throw new InvalidCovenantException(e.getMessage());
    }
    if (!o.isObject()) {
      throw new InvalidCovenantException(where + ": not a JSON object");
    }
    if (!SCHEMA.equals(o.path("schema").asText())) {
      throw new InvalidCovenantException(
          where + ": schema " + o.path("schema") + " (expected: \"" + SCHEMA + "\")");
    }
    if (!Arrays.equals(CanonicalJson.bytes(o), entry)) {
      throw new InvalidCovenantException(where + ": not canonical JSON");
    }
    return o;
  }

  private static void fields(JsonNode o, Set<String> allowed, String where)
      throws InvalidCovenantException {
    for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!allowed.contains(f)) {
        throw new InvalidCovenantException(
            where
                + ": unknown field '"
                + f
                + "' (expected: "
                + String.join(", ", allowed.stream().sorted().toList())
                + ")");
      }
    }
  }

  private static String text(JsonNode o, String field, String where)
      throws InvalidCovenantException {
    JsonNode v = o.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw new InvalidCovenantException(where + ": " + field + " is missing or not text");
    }
    return v.asText();
  }

  private static List<String> criteria(JsonNode v, String where) throws InvalidCovenantException {
    if (v == null || !v.isArray() || v.isEmpty()) {
      throw new InvalidCovenantException(
          where + ": corpusCriteria is missing or empty (expected: a list of texts)");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode c : v) {
      if (!c.isTextual() || c.asText().isBlank()) {
        throw new InvalidCovenantException(
            where + ": corpusCriteria holds " + c.getNodeType() + " (expected: text)");
      }
      out.add(c.asText());
    }
    return out;
  }

  /** The canonical bytes of a document, as it would be logged. */
  public static byte[] canonical(JsonNode document) {
    return CanonicalJson.bytes(document);
  }
}
