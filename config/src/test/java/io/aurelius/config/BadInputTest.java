package io.aurelius.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurelius.config.validation.ConfigInvalidException;
import io.aurelius.config.validation.Problem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hostile bytes: each is one problem at {@code $}, never an exception escaping the loader. */
class BadInputTest {
  private static List<String> problems(byte[] bytes) {
    return ConfigLoader.validate(bytes).problems().stream().map(Problem::toString).toList();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void malformedJson() {
    assertThat(problems(utf8("{\"format\": ")))
        .singleElement()
        .asString()
        .startsWith("$: malformed JSON at line 1");
  }

  @Test
  void duplicateKeys() {
    assertThat(problems(utf8("{\"name\": \"a\", \"name\": \"b\"}")))
        .singleElement()
        .asString()
        .startsWith("$: malformed JSON at line 1, column 21: Duplicate field 'name'");
  }

  @Test
  void nonUtf8Bytes() {
    assertThat(problems(new byte[] {'{', '"', (byte) 0xc3, 0x28, '"', '}'}))
        .containsExactly("$: invalid UTF-8 at byte offset 2 (expected: UTF-8 text)");
  }

  @Test
  void utf16IsNotMistakenForJson() {
    byte[] utf16 = "{}".getBytes(StandardCharsets.UTF_16LE);
    assertThat(problems(utf16)).containsExactly("$: NUL byte at offset 1 (expected: UTF-8 text)");
  }

  @Test
  void byteOrderMark() {
    assertThat(problems(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, '{', '}'}))
        .containsExactly("$: starts with a byte order mark (expected: UTF-8 without BOM)");
  }

  @Test
  void deepNesting() {
    assertThat(problems(utf8("[".repeat(40) + "]".repeat(40))))
        .singleElement()
        .asString()
        .startsWith("$: Document nesting depth (17) exceeds the maximum allowed (16");
  }

  @Test
  void notAnObject() {
    assertThat(problems(utf8("[1, 2]"))).containsExactly("$: an array [1,2] (expected: an object)");
  }

  @Test
  void trailingContent() {
    assertThat(problems(utf8("{} {}"))).singleElement().asString().startsWith("$: ");
  }

  @Test
  void loadThrowsWithEveryProblem() {
    assertThatThrownBy(() -> ConfigLoader.load(utf8("{}"), "empty.json"))
        .isInstanceOf(ConfigInvalidException.class)
        .hasMessageStartingWith("empty.json: $.format: missing")
        .satisfies(e -> assertThat(((ConfigInvalidException) e).problems()).hasSizeGreaterThan(5));
  }
}
