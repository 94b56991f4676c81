package io.aurelius.config.sn37;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonInputException;
import io.aurelius.core.json.JsonLimits;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed JSON tree rendered as CPython's {@code json.dumps(value, sort_keys=True)} with its
 * defaults would render what {@code json.loads} read from the same text: separators {@code ", "}
 * and {@code ": "}, {@code ensure_ascii=True}. SN37 hashes this text into the {@code work_id}
 * (docs/protocol.md), so it must match Python byte for byte; {@code Sn37WorkIdInteropIT} checks it
 * against the real interpreter.
 *
 * <p>The traps, each one Python's rule: keys sort by code point (Java's {@code String.compareTo}
 * compares UTF-16 units and puts U+10000 before U+FFFF); every character outside printable ASCII
 * (below U+0020, or U+007F and above) is a lowercase {@code \\uXXXX} escape, a supplementary
 * character as its surrogate pair; a number with a fraction or an exponent is a float and is
 * rendered as {@code float.__repr__} (shortest round-trip digits, exponent form when the decimal
 * point would sit before the fifth leading zero or after the sixteenth digit, {@code 1e+16}, {@code
 * 1e-05}, {@code 1.0}); an integer keeps all its digits.
 */
public final class PyJson {
  /**
   * Reads numbers as Python's {@code json.loads} does: a float is a double (so {@code -0.0} keeps
   * its sign, which the strict reader's {@code BigDecimal} drops), an integer keeps all its digits.
   * It only reads bytes the strict reader has accepted (one document, no duplicate keys, within the
   * limits).
   */
  private static final ObjectMapper PYTHON_NUMBERS = JsonMapper.builder().build();

  private PyJson() {}

  /**
   * Parses one document strictly and within {@code limits} ({@link Json#parse}), then reads its
   * numbers as Python does, so that {@link #dumps} of the result is what Python prints for the same
   * bytes. Use it for any document whose {@code json.dumps} rendering is hashed.
   */
  public static JsonNode parse(byte[] bytes, String what, JsonLimits limits) {
    Json.parse(bytes, what, limits);
    try {
      return PYTHON_NUMBERS.readTree(bytes);
    } catch (IOException e) {
      throw new JsonInputException(what + ": unreadable: " + e.getMessage(), e);
    }
  }

  /**
   * The {@code json.dumps} text; a float that Python would read as infinity is a {@link
   * JsonInputException} (Python would write {@code Infinity}, which is not JSON).
   */
  public static String dumps(JsonNode node) {
    requireNonNull(node, "node");
    StringBuilder out = new StringBuilder();
    write(node, "$", out);
    return out.toString();
  }

  private static void write(JsonNode node, String path, StringBuilder out) {
    switch (node.getNodeType()) {
      case OBJECT -> {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        keys.sort(PyJson::compareCodePoints);
        out.append('{');
        for (int i = 0; i < keys.size(); i++) {
          if (i > 0) {
            out.append(", ");
          }
          string(keys.get(i), out);
          out.append(": ");
          write(node.get(keys.get(i)), path + "." + keys.get(i), out);
        }
        out.append('}');
      }
      case ARRAY -> {
        out.append('[');
        for (int i = 0; i < node.size(); i++) {
          if (i > 0) {
            out.append(", ");
          }
          write(node.get(i), path + "[" + i + "]", out);
        }
        out.append(']');
      }
      case STRING -> string(node.textValue(), out);
      case NUMBER -> number(node, path, out);
      case BOOLEAN -> out.append(node.booleanValue() ? "true" : "false");
      case NULL -> out.append("null");
      default ->
          throw new JsonInputException(
              path + ": a " + node.getNodeType() + " node (expected: a JSON value)");
    }
  }

  /** Python compares str by code point. */
  static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int x = a.codePointAt(i);
      int y = b.codePointAt(j);
      if (x != y) {
        return Integer.compare(x, y);
      }
      i += Character.charCount(x);
      j += Character.charCount(y);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  private static void string(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /**
   * An integer as all its digits; a float as its repr. A {@code BigDecimal} float (from {@link
   * Json#parse}) has no negative zero, so trees whose rendering must match Python for {@code -0.0}
   * come from {@link #parse}.
   */
  private static void number(JsonNode node, String path, StringBuilder out) {
    if (node.isIntegralNumber()) {
      out.append(node.bigIntegerValue().toString());
      return;
    }
    double d = node.isBigDecimal() ? node.decimalValue().doubleValue() : node.doubleValue();
    if (!Double.isFinite(d)) {
      throw new JsonInputException(
          path + ": beyond the largest float (expected: a number Python reads as a finite float)");
    }
    out.append(floatRepr(d));
  }

  /** CPython's {@code float.__repr__} ({@code repr} mode 'r' of {@code PyOS_double_to_string}). */
  static String floatRepr(double d) {
    if (d == 0) {
      return (Double.doubleToRawLongBits(d) < 0) ? "-0.0" : "0.0";
    }
    BigDecimal shortest = shortest(d);
    String sign = shortest.signum() < 0 ? "-" : "";
    BigDecimal abs = shortest.abs().stripTrailingZeros();
    String digits = abs.unscaledValue().toString();
    // value = 0.d1d2... x 10^decpt
    int decpt = digits.length() - abs.scale();
    if (decpt <= -4 || decpt > 16) {
      String mantissa =
          digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      int exponent = decpt - 1;
      String e = String.format("%02d", Math.abs(exponent));
      return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + e;
    }
    if (decpt <= 0) {
      return sign + "0." + "0".repeat(-decpt) + digits;
    }
    if (decpt >= digits.length()) {
      return sign + digits + "0".repeat(decpt - digits.length()) + ".0";
    }
    return sign + digits.substring(0, decpt) + "." + digits.substring(decpt);
  }

  /**
   * The shortest decimal that reads back as {@code d}, the nearest one among those of that length:
   * rounding the exact binary value to p digits gives the nearest p-digit decimal, and if any
   * p-digit decimal reads back as {@code d}, the nearest one does.
   */
  private static BigDecimal shortest(double d) {
    BigDecimal exact = new BigDecimal(d);
    for (int p = 1; p <= 17; p++) {
      BigDecimal rounded = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
      if (rounded.doubleValue() == d) {
        return rounded;
      }
    }
    return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
  }
}
