package io.aurelius.config.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the members of one JSON object, reporting missing, mistyped and out-of-bounds members and,
 * on {@link #finish()}, unknown ones. A non-object yields an empty reader after one problem.
 */
final class Fields {
  private final JsonNode node;
  private final String path;
  private final Problems problems;
  private final Set<String> known = new LinkedHashSet<>();

  private Fields(JsonNode node, String path, Problems problems) {
    this.node = node;
    this.path = path;
    this.problems = problems;
  }

  static Fields of(JsonNode node, String path, Problems problems) {
    if (!node.isObject()) {
      problems.add(
          path, Problems.kind(node) + " " + Problems.show(node) + " (expected: an object)");
      return new Fields(null, path, problems);
    }
    return new Fields(node, path, problems);
  }

  boolean isObject() {
    return node != null;
  }

  String path() {
    return path;
  }

  Problems problems() {
    return problems;
  }

  String at(String key) {
    return Problems.child(path, key);
  }

  boolean has(String key) {
    known.add(key);
    return node != null && node.has(key);
  }

  /** The member's value if present; when absent and required, one "missing" problem. */
  Optional<JsonNode> get(String key, boolean required, String expected) {
    known.add(key);
    if (node == null) {
      return Optional.empty();
    }
    JsonNode value = node.get(key);
    if (value == null) {
      if (required) {
        problems.add(at(key), "missing (expected: " + expected + ")");
      }
      return Optional.empty();
    }
    return Optional.of(value);
  }

  Optional<String> text(String key, boolean required, int min, int max) {
    return get(key, required, "a string of " + min + ".." + max + " characters")
        .flatMap(v -> Check.text(v, at(key), problems, min, max));
  }

  Optional<String> matching(String key, boolean required, Pattern pattern) {
    return get(key, required, "a string matching " + pattern.pattern())
        .flatMap(v -> Check.matching(v, at(key), problems, pattern));
  }

  Optional<String> string(String key, boolean required, String expected) {
    return get(key, required, expected).flatMap(v -> Check.string(v, at(key), problems, expected));
  }

  Optional<Long> integer(String key, boolean required, long min, long max) {
    return get(key, required, "an integer in " + min + ".." + max)
        .flatMap(v -> Check.integer(v, at(key), problems, min, max));
  }

  Optional<Boolean> bool(String key, boolean required) {
    return get(key, required, "true or false").flatMap(v -> Check.bool(v, at(key), problems));
  }

  Optional<Fields> object(String key, boolean required, String expected) {
    return get(key, required, expected)
        .map(v -> Fields.of(v, at(key), problems))
        .filter(Fields::isObject);
  }

  /** The items of an array member with their paths; size outside min..max is reported. */
  List<Item> array(String key, boolean required, int min, int max, String itemDescription) {
    String expected = "an array of " + min + ".." + max + " " + itemDescription;
    Optional<JsonNode> value = get(key, required, expected);
    if (value.isEmpty()) {
      return List.of();
    }
    JsonNode array = value.get();
    if (!array.isArray()) {
      problems.add(
          at(key),
          Problems.kind(array) + " " + Problems.show(array) + " (expected: " + expected + ")");
      return List.of();
    }
    if (array.size() < min || array.size() > max) {
      problems.add(at(key), array.size() + " items (expected: " + min + ".." + max + ")");
    }
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      items.add(new Item(array.get(i), Problems.index(at(key), i)));
    }
    return items;
  }

  /** The members of an object-valued member (a map) with their paths, in document order. */
  List<Entry> map(String key, boolean required, int max, String valueDescription) {
    String expected = "an object of at most " + max + " " + valueDescription;
    Optional<JsonNode> value = get(key, required, expected);
    if (value.isEmpty()) {
      return List.of();
    }
    JsonNode map = value.get();
    if (!map.isObject()) {
      problems.add(
          at(key), Problems.kind(map) + " " + Problems.show(map) + " (expected: " + expected + ")");
      return List.of();
    }
    if (map.size() > max) {
      problems.add(at(key), map.size() + " entries (expected: at most " + max + ")");
    }
    List<Entry> entries = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      entries.add(new Entry(e.getKey(), e.getValue(), Problems.child(at(key), e.getKey())));
    }
    return entries;
  }

  /** Reports every member that was never asked for. */
  void finish() {
    if (node == null) {
      return;
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!known.contains(name)) {
        problems.add(at(name), "unknown field (expected: one of " + String.join(", ", known) + ")");
      }
    }
  }

  record Item(JsonNode node, String path) {}

  record Entry(String key, JsonNode node, String path) {}
}
