package io.aurelius.config.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Collects problems while a document is read and checked. Not thread-safe. */
public final class Problems {
  private static final Pattern SIMPLE_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final int SHOWN_CHARS = 40;
  private final List<Problem> list = new ArrayList<>();

  public void add(String path, String message) {
    list.add(new Problem(path, message));
  }

  public List<Problem> list() {
    return List.copyOf(list);
  }

  public boolean isEmpty() {
    return list.isEmpty();
  }

  public int size() {
    return list.size();
  }

  /** {@code path.key}, or {@code path['key']} when the key is not a plain identifier. */
  public static String child(String path, String key) {
    if (SIMPLE_KEY.matcher(key).matches()) {
      return path + "." + key;
    }
    return path + "['" + key.replace("\\", "\\\\").replace("'", "\\'") + "']";
  }

  public static String index(String path, int i) {
    return path + "[" + i + "]";
  }

  /** A JSON value as shown in a message: short, on one line. */
  public static String show(JsonNode node) {
    String text = node.toString();
    return shorten(text);
  }

  /** A string as shown in a message: quoted, short, on one line. */
  public static String quote(String s) {
    return shorten('"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"');
  }

  private static String shorten(String text) {
    String oneLine = text.replace('\n', ' ').replace('\r', ' ');
    if (oneLine.codePointCount(0, oneLine.length()) <= SHOWN_CHARS) {
      return oneLine;
    }
    return oneLine.substring(0, oneLine.offsetByCodePoints(0, SHOWN_CHARS)) + "...";
  }

  /** A JSON type name for messages. */
  public static String kind(JsonNode node) {
    if (node.isTextual()) {
      return "a string";
    }
    if (node.isIntegralNumber()) {
      return "an integer";
    }
    if (node.isNumber()) {
      return "a number";
    }
    if (node.isBoolean()) {
      return "a boolean";
    }
    if (node.isArray()) {
      return "an array";
    }
    if (node.isObject()) {
      return "an object";
    }
    return "null";
  }
}
