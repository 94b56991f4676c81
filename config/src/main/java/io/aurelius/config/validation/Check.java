package io.aurelius.config.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.regex.Pattern;

/** Checks of single JSON values; each failure is added to the problems with its path. */
final class Check {
  private Check() {}

  static Optional<String> string(JsonNode node, String path, Problems p, String expected) {
    if (!node.isTextual()) {
      p.add(
          path, Problems.kind(node) + " " + Problems.show(node) + " (expected: " + expected + ")");
      return Optional.empty();
    }
    return Optional.of(node.textValue());
  }

  /** Text of {@code min..max} characters without control characters other than tab and newline. */
  static Optional<String> text(JsonNode node, String path, Problems p, int min, int max) {
    Optional<String> s = string(node, path, p, "a string of " + min + ".." + max + " characters");
    s.ifPresent(text -> textBounds(text, path, p, min, max));
    return s;
  }

  static void textBounds(String text, String path, Problems p, int min, int max) {
    int chars = text.codePointCount(0, text.length());
    if (chars < min || chars > max) {
      p.add(path, chars + " characters (expected: " + min + ".." + max + ")");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) {
        p.add(
            path + "@" + i,
            String.format("control character U+%04X", (int) c)
                + " (expected: printable text, tab or newline)");
        break;
      }
    }
  }

  static Optional<String> matching(JsonNode node, String path, Problems p, Pattern pattern) {
    Optional<String> s = string(node, path, p, "a string matching " + pattern.pattern());
    if (s.isPresent() && !pattern.matcher(s.get()).matches()) {
      p.add(path, Problems.quote(s.get()) + " (expected: " + pattern.pattern() + ")");
    }
    return s;
  }

  static Optional<Long> integer(JsonNode node, String path, Problems p, long min, long max) {
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      p.add(
          path,
          Problems.kind(node)
              + " "
              + Problems.show(node)
              + " (expected: an integer in "
              + min
              + ".."
              + max
              + ")");
      return Optional.empty();
    }
    long v = node.longValue();
    if (v < min || v > max) {
      p.add(path, v + " (expected: " + min + ".." + max + ")");
    }
    return Optional.of(v);
  }

  static Optional<Double> number(JsonNode node, String path, Problems p, double bound) {
    if (!node.isNumber()) {
      p.add(
          path,
          Problems.kind(node)
              + " "
              + Problems.show(node)
              + " (expected: a number in "
              + (long) -bound
              + ".."
              + (long) bound
              + ")");
      return Optional.empty();
    }
    double v = node.doubleValue();
    if (!Double.isFinite(v) || Math.abs(v) > bound) {
      p.add(
          path,
          Problems.show(node)
              + " (expected: a number in "
              + (long) -bound
              + ".."
              + (long) bound
              + ")");
    }
    return Optional.of(v);
  }

  static Optional<Boolean> bool(JsonNode node, String path, Problems p) {
    if (!node.isBoolean()) {
      p.add(path, Problems.kind(node) + " " + Problems.show(node) + " (expected: true or false)");
      return Optional.empty();
    }
    return Optional.of(node.booleanValue());
  }
}
