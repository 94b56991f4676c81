package io.aurelius.config.sn37;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurelius.core.json.JsonInputException;
import io.aurelius.core.json.JsonLimits;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Pins {@link PyJson} to CPython's {@code json.dumps(json.loads(text), sort_keys=True)}: each
 * expected string below is what CPython 3.11 printed for the input (Sn37WorkIdInteropIT checks the
 * rule on many more documents against the interpreter itself).
 */
class Sn37PyJsonTest {
  private static String dumps(String text) {
    return PyJson.dumps(
        PyJson.parse(text.getBytes(StandardCharsets.UTF_8), "test", JsonLimits.UNTRUSTED));
  }

  @Test
  void sortsKeysAndUsesPythonsSeparators() {
    assertThat(dumps("{\"b\":1,\"a\":[true,false,null],\"c\":{\"z\":\"x\",\"y\":[]},\"d\":{}}"))
        .isEqualTo(
            "{\"a\": [true, false, null], \"b\": 1, \"c\": {\"y\": [], \"z\": \"x\"}, \"d\": {}}");
  }

  @Test
  void escapesEverythingOutsidePrintableAsciiInLowercaseHex() {
    assertThat(dumps("{\"k\":\"caf\\u00e9 \\ud83d\\ude00 \\\"q\\\" \\\\ \\n\\t\\u0001\\u007f/\"}"))
        .isEqualTo("{\"k\": \"caf\\u00e9 \\ud83d\\ude00 \\\"q\\\" \\\\ \\n\\t\\u0001\\u007f/\"}");
  }

  @Test
  void rawUtf8InputIsEscapedTheSameWay() {
    assertThat(dumps("{\"k\":\"café 😀\"}")).isEqualTo("{\"k\": \"caf\\u00e9 \\ud83d\\ude00\"}");
  }

  @Test
  void sortsKeysByCodePointNotByUtf16Unit() {
    // U+10000 is the surrogate pair D800 DC00: before U+FFFF in UTF-16 order, after it in Python's.
    assertThat(dumps("{\"\\uffff\":1,\"\\ud800\\udc00\":2,\"a\":3,\"B\":4}"))
        .isEqualTo("{\"B\": 4, \"a\": 3, \"\\uffff\": 1, \"\\ud800\\udc00\": 2}");
  }

  @Test
  void floatsAreRenderedAsPythonsRepr() {
    assertThat(
            dumps(
                "[1.0, 1e16, 1e15, 0.0001, 0.00001, -0.0, 1.5e300,"
                    + " 123456789012345678901234567890, 0.1, 2.5E-7, 1E2, 100.0]"))
        .isEqualTo(
            "[1.0, 1e+16, 1000000000000000.0, 0.0001, 1e-05, -0.0, 1.5e+300,"
                + " 123456789012345678901234567890, 0.1, 2.5e-07, 100.0, 100.0]");
  }

  @Test
  void floatReprPicksTheShortestDigitsThatReadBack() {
    assertThat(PyJson.floatRepr(0.1 + 0.2)).isEqualTo("0.30000000000000004");
    assertThat(PyJson.floatRepr(2e-3)).isEqualTo("0.002");
    assertThat(PyJson.floatRepr(1.0E23)).isEqualTo("1e+23");
    assertThat(PyJson.floatRepr(Double.MIN_VALUE)).isEqualTo("5e-324");
    assertThat(PyJson.floatRepr(Double.MAX_VALUE)).isEqualTo("1.7976931348623157e+308");
    assertThat(PyJson.floatRepr(1234567890123456.7)).isEqualTo("1234567890123456.8");
    assertThat(PyJson.floatRepr(12345678901234567.0)).isEqualTo("1.2345678901234568e+16");
  }

  @Test
  void theStrictReadersBigDecimalsRenderAlikeButForNegativeZero() {
    String text = "[1.0, 1e16, 0.00001, 2.675, -0.0]";
    assertThat(PyJson.dumps(io.aurelius.core.json.Json.parse(text, "t", JsonLimits.UNTRUSTED)))
        .isEqualTo("[1.0, 1e+16, 1e-05, 2.675, 0.0]");
  }

  @Test
  void aFloatPythonReadsAsInfinityIsRefused() {
    assertThatThrownBy(() -> dumps("{\"x\":[1e400]}"))
        .isInstanceOf(JsonInputException.class)
        .hasMessage(
            "$.x[0]: beyond the largest float (expected: a number Python reads as a finite float)");
  }
}
