package io.aurelius.core.json;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.core.hash.ContentId;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.erdtman.jcs.NumberToJSON;

/**
 * RFC 8785 JSON Canonicalization Scheme: object members sorted by their UTF-16 code units, no
 * insignificant white space, strings with the minimal escapes, numbers as ECMAScript prints an IEEE
 * 754 double. These bytes are what the project signs and hashes.
 *
 * <p>Integers beyond ±2<sup>53</sup> are refused: JCS would silently round them, and two nodes must
 * never disagree on what was signed.
 */
public final class CanonicalJson {
  private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

  private CanonicalJson() {}

  public static byte[] bytes(JsonNode node) {
    return string(node).getBytes(StandardCharsets.UTF_8);
  }

  public static String string(JsonNode node) {
    requireNonNull(node, "node");
    StringBuilder out = new StringBuilder(256);
    write(node, out, "$");
    return out.toString();
  }

  /** The content id of the canonical form of a tree. */
  public static ContentId id(JsonNode node) {
    return ContentId.of(bytes(node));
  }

  /** The canonical bytes of a record or POJO, via its Jackson tree. */
  public static byte[] bytesOf(Object value) {
    return bytes(Json.toTree(value));
  }

  private static void write(JsonNode node, StringBuilder out, String path) {
    switch (node.getNodeType()) {
      case OBJECT -> {
        List<String> names = new ArrayList<>(node.size());
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
          names.add(it.next());
        }
        names.sort(null); // String.compareTo orders by UTF-16 code units, as RFC 8785 §3.2.3 asks
        out.append('{');
        boolean first = true;
        for (String name : names) {
          if (!first) {
            out.append(',');
          }
          first = false;
          writeString(name, out);
          out.append(':');
          write(node.get(name), out, path + "." + name);
        }
        out.append('}');
      }
      case ARRAY -> {
        out.append('[');
        for (int i = 0; i < node.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          write(node.get(i), out, path + "[" + i + "]");
        }
        out.append(']');
      }
      case STRING -> writeString(node.textValue(), out);
      case NUMBER -> writeNumber(node, out, path);
      case BOOLEAN -> out.append(node.booleanValue() ? "true" : "false");
      case NULL -> out.append("null");
      default ->
          throw new JsonInputException(
              path + ": " + node.getNodeType() + " has no JSON form (expected: a JSON value)");
    }
  }

  private static void writeNumber(JsonNode node, StringBuilder out, String path) {
    if (node.isIntegralNumber()) {
      BigInteger value = node.bigIntegerValue();
      if (value.abs().compareTo(BigInteger.valueOf(MAX_SAFE_INTEGER)) > 0) {
        throw new JsonInputException(
            path
                + ": integer "
                + value
                + " cannot be canonicalized exactly (expected: at most 2^53-1 in magnitude)");
      }
      out.append(value.longValue());
      return;
    }
    double value = node.isBigDecimal() ? node.decimalValue().doubleValue() : node.doubleValue();
    if (!Double.isFinite(value)) {
      throw new JsonInputException(path + ": " + value + " (expected: a finite number)");
    }
    if (value == Math.rint(value) && Math.abs(value) <= MAX_SAFE_INTEGER) {
      out.append(BigDecimal.valueOf(value).toBigInteger()); // also folds -0 to 0
      return;
    }
    try {
      out.append(NumberToJSON.serializeNumber(value));
    } catch (IOException e) {
      throw new JsonInputException(path + ": " + value + " cannot be serialized", e);
    }
  }

  /**
   * Copies runs of characters that need no escape in one append: entry texts are long and rarely
   * escaped, and a per-character append made canonical re-serialization most of {@code corpus
   * verify}'s time (issue 15, item 5).
   */
  private static void writeString(String s, StringBuilder out) {
    out.append('"');
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\') {
        continue;
      }
      out.append(s, run, i);
      run = i + 1;
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(String.format("\\u%04x", (int) c));
      }
    }
    out.append(s, run, s.length());
    out.append('"');
  }

  /** Convenience for tests and callers holding a map. */
  public static String string(Map<String, ?> map) {
    return string(Json.toTree(map));
  }
}
