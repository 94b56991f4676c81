package io.aurelius.anchoring.corpus;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.hash.ContentId;
import io.aurelius.core.json.CanonicalJson;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonInputException;
import io.aurelius.core.json.JsonLimits;

/**
 * One corpus entry: a JSON object of schema {@value #SCHEMA} (see docs/corpus-format.md) and its
 * id, the SHA-256 of its canonical bytes (which are also the Merkle leaf data). Required: {@code
 * aene.observation}, {@code aene.reasoning}, {@code aene.action} (text or object), {@code
 * provenance.model.name} and the honest label {@code provenance.model.simulated}, and a {@code
 * verdict} object. Other fields are kept as given.
 */
public record CorpusEntry(ObjectNode json, ContentId id) {
  public static final String SCHEMA = "aurelius/corpus-entry/1";
  public static final JsonLimits LIMITS = new JsonLimits(1 << 20, 32, 1 << 20);
  static final int MAX_TEXT = 256 * 1024;

  public CorpusEntry {
    requireNonNull(json, "json");
    requireNonNull(id, "id");
    json = json.deepCopy();
  }

  @Override
  public ObjectNode json() {
    return json.deepCopy();
  }

  /** Checks the shape and computes the id; the caller's tree is copied. */
  public static CorpusEntry of(JsonNode node, String where) throws InvalidEntryException {
    requireNonNull(node, "node");
    if (!node.isObject()) {
      throw new InvalidEntryException(
          where + ": " + node.getNodeType() + " (expected: a JSON object)");
    }
    if (!SCHEMA.equals(node.path("schema").asText(null))) {
      throw new InvalidEntryException(
          where + ": schema " + node.path("schema") + " (expected: \"" + SCHEMA + "\")");
    }
    JsonNode aene = object(node, "aene", where);
    text(aene, "observation", where + ": aene");
    text(aene, "reasoning", where + ": aene");
    JsonNode action = aene.get("action");
    if (action == null || !(action.isTextual() || action.isObject())) {
      throw new InvalidEntryException(
          where
              + ": aene.action is "
              + (action == null ? "missing" : action.getNodeType())
              + " (expected: text or an object)");
    }
    JsonNode model = object(object(node, "provenance", where), "model", where + ": provenance");
    text(model, "name", where + ": provenance.model");
    if (!model.path("simulated").isBoolean()) {
      throw new InvalidEntryException(
          where
              + ": provenance.model.simulated is "
              + model.path("simulated").getNodeType()
              + " (expected: true or false; embedded-model output must say so)");
    }
    object(node, "verdict", where);
    ObjectNode copy = ((ObjectNode) node).deepCopy();
    try {
      return new CorpusEntry(copy, CanonicalJson.id(copy));
    } catch (JsonInputException e) {
      throw new InvalidEntryException(where + ": " + e.getMessage());
    }
  }

  /** Parses one entry line (canonical or not) and checks its shape. */
  public static CorpusEntry parse(byte[] bytes, String where) throws InvalidEntryException {
    try {
      return of(Json.parse(bytes, where, LIMITS), where);
    } catch (JsonInputException e) {
      throw new InvalidEntryException(e.getMessage());
    }
  }

  /** The canonical bytes: the Merkle leaf data and the line in the log's bundle. */
  public byte[] bytes() {
    return CanonicalJson.bytes(json);
  }

  public String observation() {
    return json.path("aene").path("observation").asText();
  }

  public String reasoning() {
    return json.path("aene").path("reasoning").asText();
  }

  /** The action as text: itself if text, else its {@code text} field, else canonical JSON. */
  public String actionText() {
    JsonNode action = json.path("aene").path("action");
    if (action.isTextual()) {
      return action.asText();
    }
    if (action.path("text").isTextual()) {
      return action.path("text").asText();
    }
    return CanonicalJson.string(action);
  }

  private static JsonNode object(JsonNode parent, String field, String where)
      throws InvalidEntryException {
    JsonNode v = parent.get(field);
    if (v == null || !v.isObject()) {
      throw new InvalidEntryException(
          where
              + ": "
              + field
              + " is "
              + (v == null ? "missing" : v.getNodeType())
              + " (expected: an object)");
    }
    return v;
  }

  private static void text(JsonNode parent, String field, String where)
      throws InvalidEntryException {
    JsonNode v = parent.get(field);
    if (v == null || !v.isTextual()) {
      throw new InvalidEntryException(
          where
              + "."
              + field
              + " is "
              + (v == null ? "missing" : v.getNodeType())
              + " (expected: text)");
    }
    if (v.asText().length() > MAX_TEXT) {
      throw new InvalidEntryException(
          where
              + "."
              + field
              + ": "
              + v.asText().length()
              + " chars (expected: at most "
              + MAX_TEXT
              + ")");
    }
  }
}
