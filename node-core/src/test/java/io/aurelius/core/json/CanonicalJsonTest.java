package io.aurelius.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CanonicalJsonTest {
  private static String canon(String json) {
    return CanonicalJson.string(Json.parse(json, "test", JsonLimits.UNTRUSTED));
  }

  @Test
  void sortsMembersByUtf16CodeUnitsAndDropsWhitespace() {
    // RFC 8785 §3.2.3 sorting example, property names only.
    String input =
        "{\"\\u20ac\": \"Euro Sign\", \"\\r\": \"Carriage Return\", \"\\ufb33\": \"Hebrew\","
            + " \"1\": \"One\", \"\\ud83d\\ude00\": \"Emoji\", \"\\u0080\": \"Control\","
            + " \"\\u00f6\": \"Latin\"}";
    assertThat(canon(input))
        .isEqualTo(
            "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                + "\"ö\":\"Latin\",\"€\":\"Euro Sign\",\"😀\":\"Emoji\",\"\ufb33\":\"Hebrew\"}");
  }

  @Test
  void printsNumbersAsEcmaScriptDoes() {
    assertThat(canon("[1.0, -0, 1e21, 1e-7, 0.1, 333333333.33333329, 4.50, 2e-3, 1E30]"))
        .isEqualTo("[1,0,1e+21,1e-7,0.1,333333333.3333333,4.5,0.002,1e+30]");
  }

  @Test
  void escapesOnlyWhatJcsEscapes() {
    assertThat(canon("\"\\u0041\\u000f\\n\\/\\\"é\"")).isEqualTo("\"A\\u000f\\n/\\\"é\"");
  }

  @Test
  void refusesIntegersThatWouldRound() {
    assertThatThrownBy(() -> canon("{\"n\": 9007199254740993}"))
        .isInstanceOf(JsonInputException.class)
        .hasMessageContaining("$.n");
  }

  @Test
  void equalContentHasEqualIdWhateverTheKeyOrder() {
    var a = Json.parse("{\"b\":1,\"a\":[true,null]}", "a", JsonLimits.UNTRUSTED);
    var b = Json.parse("{ \"a\" : [ true , null ] , \"b\" : 1.0 }", "b", JsonLimits.UNTRUSTED);
    assertThat(CanonicalJson.id(a)).isEqualTo(CanonicalJson.id(b));
  }
}
