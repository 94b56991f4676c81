package io.aurelius.config.submission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.hash.ContentId;
import io.aurelius.core.identity.KeyId;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the members of one wire object strictly: exactly the expected names, each of the expected
 * type, every failure a {@link MalformedSubmissionException} naming the member.
 */
final class WireObject {
  /** Integers above this do not survive canonical JSON (RFC 8785 prints IEEE doubles). */
  static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

  private final ObjectNode node;
  private final String what;

  private WireObject(ObjectNode node, String what) {
    this.node = node;
    this.what = what;
  }

  static WireObject of(JsonNode node, String what, Set<String> names) {
    if (node == null || !node.isObject()) {
      throw new MalformedSubmissionException(
          what + ": " + kind(node) + " (expected: a JSON object)");
    }
    Set<String> missing = new TreeSet<>(names);
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!names.contains(name)) {
        throw new MalformedSubmissionException(
            what
                + "."
                + shorten(name)
                + ": unknown member (expected one of: "
                + String.join(", ", new TreeSet<>(names))
                + ")");
      }
      missing.remove(name);
    }
    if (!missing.isEmpty()) {
      throw new MalformedSubmissionException(
          what + "." + missing.iterator().next() + ": missing (expected: present)");
    }
    return new WireObject((ObjectNode) node, what);
  }

  long integer(String name, long min, long max) {
    JsonNode value = node.get(name);
    if (!value.isIntegralNumber()
        || !value.canConvertToLong()
        || value.longValue() < min
        || value.longValue() > max) {
      throw new MalformedSubmissionException(
          what
              + "."
              + name
              + ": "
              + shorten(value.toString())
              + " (expected: an integer in "
              + min
              + ".."
              + max
              + ")");
    }
    return value.longValue();
  }

  String text(String name) {
    JsonNode value = node.get(name);
    if (!value.isTextual()) {
      throw new MalformedSubmissionException(
          what + "." + name + ": " + kind(value) + " (expected: a string)");
    }
    return value.textValue();
  }

  KeyId keyId(String name) {
    String text = text(name);
    try {
      return KeyId.parse(text);
    } catch (IllegalArgumentException e) {
      throw new MalformedSubmissionException(what + "." + name + ": " + e.getMessage(), e);
    }
  }

  ContentId contentId(String name) {
    String text = text(name);
    try {
      return ContentId.parse(text);
    } catch (IllegalArgumentException e) {
      throw new MalformedSubmissionException(what + "." + name + ": " + e.getMessage(), e);
    }
  }

  ObjectNode object(String name) {
    JsonNode value = node.get(name);
    if (!value.isObject()) {
      throw new MalformedSubmissionException(
          what + "." + name + ": " + kind(value) + " (expected: a JSON object)");
    }
    return (ObjectNode) value;
  }

  static String kind(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    return switch (node.getNodeType()) {
      case OBJECT -> "an object";
      case ARRAY -> "an array";
      case STRING -> "a string";
      case NUMBER -> "the number " + shorten(node.toString());
      case BOOLEAN -> node.booleanValue() ? "true" : "false";
      case NULL -> "null";
      default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  static String shorten(String s) {
    String oneLine = s.replaceAll("\\p{Cntrl}", "?");
    return oneLine.length() > 80 ? oneLine.substring(0, 80) + "…" : oneLine;
  }
}
