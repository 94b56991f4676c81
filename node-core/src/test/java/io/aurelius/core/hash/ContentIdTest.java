package io.aurelius.core.hash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContentIdTest {
  private static final String EMPTY_SHA256 =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  @Test
  void parsesLowercaseHexBackToTheSameDigest() {
    ContentId id = ContentId.parse(EMPTY_SHA256);
    assertThat(id.hex()).isEqualTo(EMPTY_SHA256);
    assertThat(id)
        .isEqualTo(ContentId.fromDigest(Sha256.digest("".getBytes(StandardCharsets.UTF_8))));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855", // uppercase
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85", // 63 digits
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b8555", // 65 digits
        "g3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", // not hex
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85/", // just past '9'
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85`", // just before 'a'
        ""
      })
  void refusesAnythingButSixtyFourLowercaseHexDigits(String text) {
    assertThatThrownBy(() -> ContentId.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("content id: '" + text + "' (expected: 64 lowercase hex digits)");
  }
}
