package io.aurelius.core.chain.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.core.identity.KeyId;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** Field readers for chain messages; every failure is a 400 naming the field. */
final class StrictReader {
  private final String what;

  StrictReader(String what) {
    this.what = what;
  }

  ChainRequestException fail(String field, String found, String expected) {
    return new ChainRequestException(
        400, what + ": " + field + ": " + found + " (expected: " + expected + ")");
  }

  JsonNode object(JsonNode node, String at, Set<String> allowed, Set<String> required) {
    if (node == null || !node.isObject()) {
      throw fail(at, node == null ? "missing" : kind(node), "an object");
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!allowed.contains(name)) {
        throw fail(
            at.isEmpty() ? shorten(name) : at + "." + shorten(name),
            "unknown field",
            allowed.isEmpty() ? "no fields" : "only " + String.join(", ", new TreeSet<>(allowed)));
      }
    }
    for (String name : new TreeSet<>(required)) {
      if (!node.has(name)) {
        throw fail(at.isEmpty() ? name : at + "." + name, "missing", "present");
      }
    }
    return node;
  }

  long integer(JsonNode node, String field, long min, long max) {
    JsonNode v = node.get(field);
    if (v == null
        || !v.isIntegralNumber()
        || !v.canConvertToLong()
        || v.longValue() < min
        || v.longValue() > max) {
      throw fail(
          field, v == null ? "missing" : shorten(v.toString()), "an integer " + min + ".." + max);
    }
    return v.longValue();
  }

  double number(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isNumber() || !Double.isFinite(v.doubleValue())) {
      throw fail(field, v == null ? "missing" : shorten(v.toString()), "a number");
    }
    return v.doubleValue();
  }

  boolean bool(JsonNode node, String field, boolean fallback) {
    JsonNode v = node.get(field);
    if (v == null) {
      return fallback;
    }
    if (!v.isBoolean()) {
      throw fail(field, shorten(v.toString()), "true or false");
    }
    return v.booleanValue();
  }

  String text(JsonNode node, String field, int maxLength) {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual() || v.textValue().length() > maxLength) {
      throw fail(
          field,
          v == null ? "missing" : shorten(v.toString()),
          "a string of at most " + maxLength + " chars");
    }
    return v.textValue();
  }

  KeyId keyId(JsonNode node, String field) {
    String text = text(node, field, 64);
    try {
      return KeyId.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ChainRequestException(400, what + ": " + field + ": " + e.getMessage());
    }
  }

  static String kind(JsonNode node) {
    return node.getNodeType().toString().toLowerCase(Locale.ROOT);
  }

  static String shorten(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }
}
