package io.aurelius.core.identity;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.core.identity.KeyStoreException.Reason;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the fields of one JSON object of a key file, turning every deviation into a {@link
 * Reason#CORRUPTED} error that names the file, the field and what was expected.
 */
final class KeyFileFields {
  private static final Pattern HEX = Pattern.compile("[0-9a-f]*");

  private final JsonNode object;
  private final String where;

  private KeyFileFields(JsonNode object, String where) {
    this.object = object;
    this.where = where;
  }

  /**
   * {@code where} names the object in messages, e.g. {@code keys/a.json} or {@code keys/a.json:
   * encryption}.
   */
  static KeyFileFields of(JsonNode node, String where, String expected) {
    if (!node.isObject()) {
      throw corrupted(
          where
              + ": "
              + node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)
              + " (expected: "
              + expected
              + ")");
    }
    return new KeyFileFields(node, where);
  }

  /**
   * Refuses fields outside {@code allowed}, so a file from a newer or foreign format is not
   * half-read.
   */
  KeyFileFields onlyFields(Set<String> allowed) {
    List<String> unknown = new ArrayList<>();
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!allowed.contains(name)) {
        unknown.add(name);
      }
    }
    if (!unknown.isEmpty()) {
      throw corrupted(
          where
              + ": unknown field '"
              + unknown.get(0)
              + "' (expected only: "
              + String.join(", ", new java.util.TreeSet<>(allowed))
              + ")");
    }
    return this;
  }

  JsonNode field(String name) {
    JsonNode value = object.get(name);
    if (value == null) {
      throw corrupted(where + ": missing field '" + name + "'");
    }
    return value;
  }

  String string(String name) {
    JsonNode value = field(name);
    if (!value.isTextual()) {
      throw corrupted(where + ": field '" + name + "' is " + type(value) + " (expected: a string)");
    }
    return value.textValue();
  }

  int integer(String name) {
    JsonNode value = field(name);
    if (!value.isInt()) {
      throw corrupted(
          where + ": field '" + name + "' is " + shown(value) + " (expected: an integer)");
    }
    return value.intValue();
  }

  byte[] hex(String name, int bytes) {
    String text = string(name);
    if (text.length() != bytes * 2 || !HEX.matcher(text).matches()) {
      throw corrupted(
          where
              + ": field '"
              + name
              + "' is "
              + describeHex(text)
              + " (expected: "
              + bytes * 2
              + " lower-case hex digits)");
    }
    return HexFormat.of().parseHex(text);
  }

  KeyFileFields object(String name, String expected) {
    return of(field(name), where + ": " + name, expected);
  }

  String where() {
    return where;
  }

  JsonNode object() {
    return object;
  }

  static KeyStoreException corrupted(String message) {
    return new KeyStoreException(Reason.CORRUPTED, message);
  }

  private static String describeHex(String text) {
    if (!HEX.matcher(text).matches()) {
      return "not lower-case hex";
    }
    return text.length() + " hex digits";
  }

  private static String type(JsonNode value) {
    return value.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
  }

  private static String shown(JsonNode value) {
    String text = value.toString();
    return text.length() > 30 ? text.substring(0, 30) + "…" : text;
  }
}
