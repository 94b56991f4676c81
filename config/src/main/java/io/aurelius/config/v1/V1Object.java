package io.aurelius.config.v1;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.config.validation.Problems;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

/** One v1 object under check: its known and required members, then typed member checks. */
final class V1Object {
  private final JsonNode node;
  private final String path;
  private final Problems p;

  private V1Object(JsonNode node, String path, Problems p) {
    this.node = node;
    this.path = path;
    this.p = p;
  }

  /** Checks the object shape; null (after one problem) when the node is not an object. */
  static V1Object of(
      JsonNode node, String path, Problems p, List<String> known, List<String> required) {
    if (!node.isObject()) {
      p.add(path, Problems.kind(node) + " " + Problems.show(node) + " (expected: an object)");
      return null;
    }
    for (String r : required) {
      if (!node.has(r)) {
        p.add(Problems.child(path, r), "missing (expected: a required property)");
      }
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!known.contains(name)) {
        p.add(
            Problems.child(path, name),
            "unknown property (expected: one of " + String.join(", ", known) + ")");
      }
    }
    return new V1Object(node, path, p);
  }

  /** A string member of min..max code points; its value, or null if absent or mistyped. */
  String text(String key, int min, int max) {
    JsonNode v = node.get(key);
    if (v == null) {
      return null;
    }
    if (!v.isTextual()) {
      p.add(at(key), Problems.kind(v) + " " + Problems.show(v) + " (expected: a string)");
      return null;
    }
    String s = v.textValue();
    int length = s.codePointCount(0, s.length());
    if (length < min) {
      p.add(at(key), length + " characters (expected: at least " + min + ")");
    } else if (length > max) {
      p.add(at(key), length + " characters (expected: at most " + max + ")");
    }
    return s;
  }

  void pattern(String key, Pattern pattern) {
    JsonNode v = node.get(key);
    if (v == null) {
      return;
    }
    if (!v.isTextual()) {
      p.add(at(key), Problems.kind(v) + " " + Problems.show(v) + " (expected: a string)");
    } else if (!pattern.matcher(v.textValue()).matches()) {
      p.add(at(key), Problems.quote(v.textValue()) + " (expected: " + pattern.pattern() + ")");
    }
  }

  String oneOf(String key, List<String> values) {
    JsonNode v = node.get(key);
    if (v == null) {
      return null;
    }
    if (!v.isTextual() || !values.contains(v.textValue())) {
      p.add(
          at(key),
          Problems.show(v)
              + " (expected: one of "
              + String.join(", ", values.stream().map(s -> s.isEmpty() ? "\"\"" : s).toList())
              + ")");
      return null;
    }
    return v.textValue();
  }

  void integer(String key, long min, long max) {
    JsonNode v = node.get(key);
    if (v == null) {
      return;
    }
    boolean integral =
        v.isIntegralNumber()
            || (v.isNumber() && v.decimalValue().stripTrailingZeros().scale() <= 0);
    if (!integral) {
      p.add(at(key), Problems.kind(v) + " " + Problems.show(v) + " (expected: an integer)");
    } else if (v.decimalValue().compareTo(java.math.BigDecimal.valueOf(min)) < 0
        || v.decimalValue().compareTo(java.math.BigDecimal.valueOf(max)) > 0) {
      p.add(at(key), Problems.show(v) + " (expected: " + min + ".." + max + ")");
    }
  }

  List<JsonNode> array(String key, int min, int max) {
    JsonNode v = node.get(key);
    if (v == null) {
      return List.of();
    }
    if (!v.isArray()) {
      p.add(at(key), Problems.kind(v) + " " + Problems.show(v) + " (expected: an array)");
      return List.of();
    }
    if (v.size() < min || v.size() > max) {
      p.add(
          at(key),
          v.size()
              + " items (expected: "
              + (min == max ? "exactly " + min : min + ".." + max)
              + ")");
    }
    List<JsonNode> items = new ArrayList<>();
    v.forEach(items::add);
    return items;
  }

  private String at(String key) {
    return Problems.child(path, key);
  }
}
