package io.aurelius.worldmodel.transcript;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small helpers for the explicit JSON forms of transcript records. */
final class Codec {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private Codec() {}

  static ArrayNode strings(List<String> items) {
    ArrayNode a = F.arrayNode();
    items.forEach(a::add);
    return a;
  }

  static List<String> strings(JsonNode node) {
    List<String> out = new ArrayList<>();
    node.forEach(n -> out.add(n.asText()));
    return out;
  }

  /** A scalar as JSON: Long, Double, Boolean or String. */
  static JsonNode scalar(Object v) {
    if (v instanceof Long l) {
      return F.numberNode(l);
    }
    if (v instanceof Integer i) {
      return F.numberNode((long) i);
    }
    if (v instanceof Double d) {
      return F.numberNode(d);
    }
    if (v instanceof Boolean b) {
      return F.booleanNode(b);
    }
    return F.textNode(String.valueOf(v));
  }

  static Object scalar(JsonNode n) {
    if (n.isIntegralNumber()) {
      return n.asLong();
    }
    if (n.isNumber()) {
      return n.asDouble();
    }
    if (n.isBoolean()) {
      return n.asBoolean();
    }
    return n.asText();
  }

  static ObjectNode scalars(Map<String, ?> map) {
    ObjectNode o = F.objectNode();
    map.forEach((k, v) -> o.set(k, scalar(v)));
    return o;
  }

  static Map<String, Object> scalars(JsonNode node) {
    Map<String, Object> out = new LinkedHashMap<>();
    node.properties().forEach(e -> out.put(e.getKey(), scalar(e.getValue())));
    return out;
  }

  static Optional<String> optionalText(JsonNode n) {
    return n == null || n.isNull() || n.isMissingNode()
        ? Optional.empty()
        : Optional.of(n.asText());
  }

  static JsonNode optionalText(Optional<String> s) {
    return s.<JsonNode>map(F::textNode).orElse(F.nullNode());
  }

  static String requireText(JsonNode node, String field, String where) {
    JsonNode n = node.get(field);
    if (n == null || !n.isTextual()) {
      throw new IllegalArgumentException(
          where
              + "."
              + field
              + ": "
              + (n == null ? "missing" : n.toString())
              + " (expected: a string)");
    }
    return n.textValue();
  }

  static long requireLong(JsonNode node, String field, String where) {
    JsonNode n = node.get(field);
    if (n == null || !n.isIntegralNumber()) {
      throw new IllegalArgumentException(
          where
              + "."
              + field
              + ": "
              + (n == null ? "missing" : n.toString())
              + " (expected: an integer)");
    }
    return n.asLong();
  }
}
