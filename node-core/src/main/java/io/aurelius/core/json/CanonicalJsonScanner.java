package io.aurelius.core.json;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.erdtman.jcs.NumberToJSON;

/**
 * Checks that bytes are exactly what {@link CanonicalJson} writes for some JSON value, without
 * building a tree or writing anything: one pass over the bytes, no allocation for strings, member
 * names or integers. It is conservative: it accepts only canonical input within {@link JsonLimits},
 * and refuses some canonical input it does not order or read itself (member names that are not
 * printable ASCII, numbers longer than 64 characters). A caller that gets {@code false} decides the
 * slow way ({@link Json#parse} and {@link CanonicalJson#bytes}), which also names the problem.
 *
 * <p>Each member value is shown to a {@link Visitor} once it ends, with its path, so a schema can
 * be checked in the same pass. One instance scans one document at a time (not thread-safe).
 */
public final class CanonicalJsonScanner {
  private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;
  private static final int MAX_NUMBER_CHARS = 64;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;

  /** The JSON type of a value. */
  public enum Type {
    OBJECT,
    ARRAY,
    STRING,
    NUMBER,
    BOOLEAN,
    NULL
  }

  /** Sees each object member once its value has been scanned. */
  @FunctionalInterface
  public interface Visitor {
    /**
     * The value of the member at {@code depth} (1 for a member of the top-level object) spans
     * {@code [start, end)} of the scanned bytes; {@code chars} is a string's length in UTF-16
     * units. Return false to refuse the document.
     */
    boolean member(
        CanonicalJsonScanner scanner, int depth, Type type, int start, int end, int chars);
  }

  private static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    Refused() {
      super(null, null, false, false);
    }
  }

  private static final Refused REFUSED = new Refused();

  private static final int NUMBER_FORMS = 1024;
  private final Map<Double, String> numberForms = new HashMap<>();
  private final JsonLimits limits;
  private final int[] keyStart;
  private final int[] keyEnd;
  private final boolean[] inObject;
  private byte[] b;
  private int pos;
  private int end;
  private int chars;
  private Visitor visitor;

  public CanonicalJsonScanner(JsonLimits limits) {
    this.limits = limits;
    this.keyStart = new int[limits.maxDepth() + 2];
    this.keyEnd = new int[limits.maxDepth() + 2];
    this.inObject = new boolean[limits.maxDepth() + 2];
  }

  /**
   * True if {@code bytes[off..off+len)} is the canonical form of one JSON value and the visitor
   * accepted every member.
   */
  public boolean scan(byte[] bytes, int off, int len, Visitor visitor) {
    return len <= limits.maxBytes() && scanValue(bytes, off, off + len, visitor) == off + len;
  }

  /**
   * Scans one canonical JSON value starting at {@code off} and returns where it ends, or -1 if
   * there is none before {@code limit} (or the visitor refused a member); what follows the value is
   * not looked at. So a caller can find the end of a line's value and the line's end at once.
   */
  public int scanValue(byte[] bytes, int off, int limit, Visitor visitor) {
    this.b = bytes;
    this.pos = off;
    this.end = limit;
    this.visitor = visitor;
    try {
      value(0);
      return pos - off <= limits.maxBytes() ? pos : -1;
    } catch (Refused e) {
      return -1;
    } finally {
      this.b = null;
      this.visitor = null;
    }
  }

  /**
   * True if the container at {@code depth} on the current path is an object and the member being
   * read there is named {@code name}.
   */
  public boolean keyIs(int depth, byte[] name) {
    return inObject[depth]
        && Arrays.equals(b, keyStart[depth], keyEnd[depth], name, 0, name.length);
  }

  /** True if the scanned bytes {@code [start, end)} are {@code expected}. */
  public boolean bytesAre(int start, int end, byte[] expected) {
    return Arrays.equals(b, start, end, expected, 0, expected.length);
  }

  /** The bytes of a member name or literal, for {@link #keyIs} and {@link #bytesAre}. */
  public static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private Type value(int depth) throws Refused {
    switch (peek()) {
      case '{' -> {
        object(depth + 1);
        return Type.OBJECT;
      }
      case '[' -> {
        array(depth + 1);
        return Type.ARRAY;
      }
      case '"' -> {
        string();
        return Type.STRING;
      }
      case 't' -> {
        literal("true");
        return Type.BOOLEAN;
      }
      case 'f' -> {
        literal("false");
        return Type.BOOLEAN;
      }
      case 'n' -> {
        literal("null");
        return Type.NULL;
      }
      default -> {
        number();
        return Type.NUMBER;
      }
    }
  }

  private void object(int depth) throws Refused {
    if (depth > limits.maxDepth()) {
      throw REFUSED;
    }
    inObject[depth] = true;
    pos++;
    if (peek() == '}') {
      pos++;
      return;
    }
    int previousStart = -1;
    int previousEnd = -1;
    while (true) {
      expect('"');
      int start = pos;
      while (true) {
        int c = peek();
        if (c == '"') {
          break;
        }
        // Printable ASCII names order the same by bytes as by UTF-16 units (RFC 8785 §3.2.3).
        if (c < 0x20 || c > 0x7e || c == '\\') {
          throw REFUSED;
        }
        pos++;
      }
      int keyEndAt = pos;
      pos++;
      if (previousStart >= 0
          && Arrays.compare(b, previousStart, previousEnd, b, start, keyEndAt) >= 0) {
        throw REFUSED;
      }
      previousStart = start;
      previousEnd = keyEndAt;
      keyStart[depth] = start;
      keyEnd[depth] = keyEndAt;
      expect(':');
      int valueStart = pos;
      chars = 0;
      Type type = value(depth);
      if (!visitor.member(this, depth, type, valueStart, pos, type == Type.STRING ? chars : 0)) {
        throw REFUSED;
      }
      int c = peek();
      pos++;
      if (c == '}') {
        return;
      }
      if (c != ',') {
        throw REFUSED;
      }
    }
  }

  private void array(int depth) throws Refused {
    if (depth > limits.maxDepth()) {
      throw REFUSED;
    }
    inObject[depth] = false;
    pos++;
    if (peek() == ']') {
      pos++;
      return;
    }
    while (true) {
      value(depth);
      int c = peek();
      pos++;
      if (c == ']') {
        return;
      }
      if (c != ',') {
        throw REFUSED;
      }
    }
  }

  /** A string as {@link CanonicalJson} writes it: raw UTF-8, only the minimal escapes. */
  private void string() throws Refused {
    pos++;
    int n = 0;
    byte[] b = this.b;
    int end = this.end;
    int p = pos;
    while (true) {
      // Eight plain ASCII bytes at a time: text is most of an entry's bytes.
      while (p + 8 <= end && plainAscii((long) LONGS.get(b, p))) {
        p += 8;
        n += 8;
      }
      if (p >= end) {
        throw REFUSED;
      }
      int c = b[p];
      if (c >= 0x20 && c != '"' && c != '\\') {
        p++;
        n++;
        continue;
      }
      if (c == '"') {
        p++;
        break;
      }
      if (c == '\\') {
        p = escape(p);
        n++;
      } else if (c < 0) {
        int units = multiByte(p);
        p += units == 2 ? 4 : utf8Length(c);
        n += units;
      } else {
        throw REFUSED;
      }
    }
    if (n > limits.maxStringLength()) {
      throw REFUSED;
    }
    pos = p;
    chars = n;
  }

  /**
   * True if none of the eight bytes is a control character, {@code "}, a backslash or part of a
   * multi-byte sequence. A borrow between bytes only follows a byte that is itself flagged.
   */
  private static boolean plainAscii(long x) {
    long control = x - 0x20 * ONES;
    long quote = x ^ ('"' * ONES);
    long backslash = x ^ ('\\' * ONES);
    long zeroInQuote = (quote - ONES) & ~quote;
    long zeroInBackslash = (backslash - ONES) & ~backslash;
    return ((control | x | zeroInQuote | zeroInBackslash) & HIGH_BITS) == 0;
  }

  /** The position after the escape at {@code p}; only the escapes canonical form uses. */
  private int escape(int p) throws Refused {
    if (p + 1 >= end) {
      throw REFUSED;
    }
    switch (b[p + 1]) {
      case '"', '\\', 'b', 'f', 'n', 'r', 't' -> {
        return p + 2;
      }
      case 'u' -> {
        if (p + 5 >= end || b[p + 2] != '0' || b[p + 3] != '0') {
          throw REFUSED;
        }
        int hi = b[p + 4];
        int lo = hex(b[p + 5]);
        if (hi != '0' && hi != '1') {
          throw REFUSED;
        }
        int c = (hi - '0') * 16 + lo;
        if (c == '\b' || c == '\t' || c == '\n' || c == '\f' || c == '\r') {
          throw REFUSED;
        }
        return p + 6;
      }
      default -> throw REFUSED;
    }
  }

  private static int hex(int c) throws Refused {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    throw REFUSED;
  }

  private static int utf8Length(int lead) {
    int c = lead & 0xff;
    return c < 0xe0 ? 2 : 3;
  }

  /**
   * Checks the well-formed UTF-8 sequence at {@code p} (no overlong forms, no surrogates, nothing
   * past U+10FFFF) and returns its UTF-16 length.
   */
  private int multiByte(int p) throws Refused {
    int c = b[p] & 0xff;
    if (c >= 0xc2 && c <= 0xdf) {
      continuation(p + 1, 0x80, 0xbf);
      return 1;
    }
    if (c >= 0xe0 && c <= 0xef) {
      int low = c == 0xe0 ? 0xa0 : 0x80;
      int high = c == 0xed ? 0x9f : 0xbf;
      continuation(p + 1, low, high);
      continuation(p + 2, 0x80, 0xbf);
      return 1;
    }
    if (c >= 0xf0 && c <= 0xf4) {
      int low = c == 0xf0 ? 0x90 : 0x80;
      int high = c == 0xf4 ? 0x8f : 0xbf;
      continuation(p + 1, low, high);
      continuation(p + 2, 0x80, 0xbf);
      continuation(p + 3, 0x80, 0xbf);
      return 2;
    }
    throw REFUSED;
  }

  private void continuation(int p, int low, int high) throws Refused {
    if (p >= end) {
      throw REFUSED;
    }
    int c = b[p] & 0xff;
    if (c < low || c > high) {
      throw REFUSED;
    }
  }

  /** A number as ECMAScript prints the double it denotes, integers within ±(2^53 − 1). */
  private void number() throws Refused {
    int start = pos;
    boolean integer = true;
    while (pos < end) {
      int c = b[pos];
      if ((c >= '0' && c <= '9') || c == '-') {
        pos++;
      } else if (c == '.' || c == 'e' || c == 'E' || c == '+') {
        integer = false;
        pos++;
      } else {
        break;
      }
    }
    int length = pos - start;
    if (length == 0 || length > MAX_NUMBER_CHARS) {
      throw REFUSED;
    }
    if (integer) {
      int digits = b[start] == '-' ? start + 1 : start;
      if (digits == pos
          || pos - digits > 16
          || (b[digits] == '0' && (pos - digits > 1 || digits > start))) {
        throw REFUSED;
      }
      long value = 0;
      for (int i = digits; i < pos; i++) {
        int d = b[i] - '0';
        if (d < 0 || d > 9) {
          throw REFUSED;
        }
        value = value * 10 + d;
      }
      if (value > MAX_SAFE_INTEGER) {
        throw REFUSED;
      }
      return;
    }
    if (!decimalGrammar(start, pos)) {
      throw REFUSED;
    }
    String token = new String(b, start, length, StandardCharsets.ISO_8859_1);
    double value = Double.parseDouble(token);
    if (!Double.isFinite(value)
        || (value == Math.rint(value) && Math.abs(value) <= MAX_SAFE_INTEGER)) {
      throw REFUSED;
    }
    if (!canonicalForm(value).equals(token)) {
      throw REFUSED;
    }
  }

  /**
   * {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?(e[+-][0-9]+)?}: the only shape ECMAScript prints, so
   * anything else (an upper-case E, an exponent without a sign) is refused before parsing.
   */
  private boolean decimalGrammar(int from, int to) {
    int p = b[from] == '-' ? from + 1 : from;
    int digits = p;
    while (p < to && b[p] >= '0' && b[p] <= '9') {
      p++;
    }
    if (p == digits || (b[digits] == '0' && p - digits > 1)) {
      return false;
    }
    if (p < to && b[p] == '.') {
      int fraction = ++p;
      while (p < to && b[p] >= '0' && b[p] <= '9') {
        p++;
      }
      if (p == fraction) {
        return false;
      }
    }
    if (p < to && b[p] == 'e') {
      p++;
      if (p >= to || (b[p] != '+' && b[p] != '-')) {
        return false;
      }
      int exponent = ++p;
      while (p < to && b[p] >= '0' && b[p] <= '9') {
        p++;
      }
      if (p == exponent) {
        return false;
      }
    }
    return p == to;
  }

  /**
   * ECMAScript's form of a double, remembered for the values seen last: formatting is the slow part
   * of checking a number, and entries repeat the same few values.
   */
  private String canonicalForm(double value) throws Refused {
    String known = numberForms.get(value);
    if (known != null) {
      return known;
    }
    try {
      String form = NumberToJSON.serializeNumber(value);
      if (numberForms.size() >= NUMBER_FORMS) {
        numberForms.clear();
      }
      numberForms.put(value, form);
      return form;
    } catch (IOException e) {
      throw REFUSED;
    }
  }

  private void literal(String word) throws Refused {
    int n = word.length();
    if (end - pos < n) {
      throw REFUSED;
    }
    for (int i = 0; i < n; i++) {
      if (b[pos + i] != word.charAt(i)) {
        throw REFUSED;
      }
    }
    pos += n;
  }

  private int peek() throws Refused {
    if (pos >= end) {
      throw REFUSED;
    }
    return b[pos];
  }

  private void expect(char c) throws Refused {
    if (peek() != c) {
      throw REFUSED;
    }
    pos++;
  }
}
