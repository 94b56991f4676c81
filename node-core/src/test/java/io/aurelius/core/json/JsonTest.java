package io.aurelius.core.json;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void refusesDuplicateKeys() {
    assertThatThrownBy(() -> Json.parse("{\"a\":1,\"a\":2}", "doc.json", JsonLimits.UNTRUSTED))
        .isInstanceOf(JsonInputException.class)
        .hasMessageStartingWith("doc.json: malformed JSON at line 1")
        .hasMessageContaining("Duplicate field 'a'");
  }

  @Test
  void refusesDeepNesting() {
    String deep = "[".repeat(100) + "]".repeat(100);
    assertThatThrownBy(() -> Json.parse(deep, "deep.json", new JsonLimits(1 << 20, 32, 1000)))
        .isInstanceOf(JsonInputException.class)
        .hasMessageStartingWith("deep.json: ")
        .hasMessageContaining("depth at most 32");
  }

  @Test
  void refusesOversizedDocumentsBeforeParsing() {
    assertThatThrownBy(
            () -> Json.parse("[" + "1,".repeat(100) + "1]", "big.json", new JsonLimits(64, 8, 100)))
        .hasMessage("big.json: 203 bytes (expected: at most 64)");
  }

  @Test
  void refusesNonUtf8Bytes() {
    byte[] latin1 = {'"', (byte) 0xe9, '"'};
    assertThatThrownBy(() -> Json.parse(latin1, "x.json", JsonLimits.UNTRUSTED))
        .isInstanceOf(JsonInputException.class)
        .hasMessageContaining("UTF-8");
  }

  @Test
  void refusesTrailingContent() {
    assertThatThrownBy(() -> Json.parse("{} {}", "t.json", JsonLimits.UNTRUSTED))
        .isInstanceOf(JsonInputException.class)
        .hasMessageContaining("t.json");
  }

  @Test
  void refusesUtf16AndByteOrderMarks() {
    byte[] utf16 = "{\"a\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_16BE);
    assertThatThrownBy(() -> Json.parse(utf16, "u16.json", JsonLimits.UNTRUSTED))
        .hasMessage("u16.json: NUL byte at offset 0 (expected: UTF-8 text)");
    byte[] bom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, '{', '}'};
    assertThatThrownBy(() -> Json.parse(bom, "bom.json", JsonLimits.UNTRUSTED))
        .hasMessageContaining("byte order mark");
  }
}
