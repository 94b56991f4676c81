package io.aurelius.worldmodel.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Supplier;

/**
 * Writes a value that a JSON schema accepts, for schemas other than an agent turn's (a judge's
 * rubric, say): objects get every property, enums and consts are honoured, numbers stay in their
 * bounds, arrays in their item counts, and strings are sentences from the prompt.
 */
final class SchemaInstances {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final int MAX_DEPTH = 12;

  private SchemaInstances() {}

  static JsonNode generate(JsonNode schema, SimRandom rnd, Supplier<String> text) {
    return gen(schema, schema, rnd, text, 0);
  }

  private static JsonNode gen(
      JsonNode s, JsonNode root, SimRandom rnd, Supplier<String> text, int depth) {
    if (depth > MAX_DEPTH || s == null || !s.isObject()) {
      return F.nullNode();
    }
    if (s.has("$ref")) {
      String ref = s.get("$ref").asText();
      JsonNode target = ref.startsWith("#/") ? root.at(ref.substring(1)) : null;
      return gen(target, root, rnd, text, depth + 1);
    }
    if (s.has("const")) {
      return s.get("const");
    }
    if (s.path("enum").isArray() && !s.path("enum").isEmpty()) {
      return s.get("enum").get(rnd.nextInt(s.get("enum").size()));
    }
    for (String key : List.of("anyOf", "oneOf")) {
      if (s.path(key).isArray() && !s.path(key).isEmpty()) {
        return gen(s.get(key).get(rnd.nextInt(s.get(key).size())), root, rnd, text, depth + 1);
      }
    }
    if (s.path("allOf").isArray() && !s.path("allOf").isEmpty()) {
      return gen(s.get("allOf").get(0), root, rnd, text, depth + 1);
    }
    String type =
        s.path("type").isArray() ? firstNonNull(s.get("type")) : s.path("type").asText("object");
    return switch (type) {
      case "object" -> {
        ObjectNode o = F.objectNode();
        s.path("properties")
            .properties()
            .forEach(e -> o.set(e.getKey(), gen(e.getValue(), root, rnd, text, depth + 1)));
        yield o;
      }
      case "array" -> {
        ArrayNode a = F.arrayNode();
        int min = s.path("minItems").asInt(1);
        int max = Math.max(min, Math.min(s.path("maxItems").asInt(min + 2), min + 4));
        int n = min + rnd.nextInt(max - min + 1);
        for (int i = 0; i < n; i++) {
          a.add(gen(s.path("items"), root, rnd, text, depth + 1));
        }
        yield a;
      }
      case "integer" -> {
        long min = s.path("minimum").isNumber() ? s.get("minimum").asLong() : 0;
        long max = s.path("maximum").isNumber() ? s.get("maximum").asLong() : Math.max(min, 10);
        yield F.numberNode(min + (long) Math.floor(rnd.nextDouble() * (max - min + 1)));
      }
      case "number" -> {
        double min = s.path("minimum").isNumber() ? s.get("minimum").asDouble() : 0;
        double max = s.path("maximum").isNumber() ? s.get("maximum").asDouble() : Math.max(min, 1);
        yield F.numberNode(Math.round((min + rnd.nextDouble() * (max - min)) * 100) / 100.0);
      }
      case "boolean" -> F.booleanNode(rnd.chance(0.5));
      case "null" -> F.nullNode();
      default -> {
        String t = text.get();
        int maxLen = s.path("maxLength").asInt(Integer.MAX_VALUE);
        yield F.textNode(t.length() > maxLen ? t.substring(0, maxLen) : t);
      }
    };
  }

  private static String firstNonNull(JsonNode types) {
    for (JsonNode t : types) {
      if (!"null".equals(t.asText())) {
        return t.asText();
      }
    }
    return "null";
  }
}
