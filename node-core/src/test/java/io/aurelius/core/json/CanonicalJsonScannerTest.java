package io.aurelius.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The scanner accepts what CanonicalJson writes and never accepts anything else. */
class CanonicalJsonScannerTest {
  private static final JsonLimits LIMITS = new JsonLimits(1 << 20, 32, 1 << 20);
  private final CanonicalJsonScanner scanner = new CanonicalJsonScanner(LIMITS);

  private boolean scans(byte[] bytes) {
    return scanner.scan(bytes, 0, bytes.length, (s, depth, type, start, end, chars) -> true);
  }

  private boolean scans(String text) {
    return scans(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The slow truth: the bytes parse and re-serialize to themselves. */
  private static boolean canonical(byte[] bytes) {
    try {
      return Arrays.equals(CanonicalJson.bytes(Json.parse(bytes, "test", LIMITS)), bytes);
    } catch (JsonInputException e) {
      return false;
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{}",
        "[]",
        "{\"a\":1,\"b\":[true,false,null],\"c\":{\"d\":\"e\"}}",
        "\"tab\\tquote\\\"back\\\\slash\\u001f\\u0000 é € 😀 \u007f\"",
        "[0,-1,9007199254740991,-9007199254740991,0.5,-0.001,1e+21,1.5e-7,333333333.3333333]",
        "{\"\":0,\" \":1,\"A\":2,\"a\":3,\"aa\":4,\"b\":5}",
      })
  void acceptsCanonicalJson(String json) {
    assertThat(canonical(json.getBytes(StandardCharsets.UTF_8))).isTrue();
    assertThat(scans(json)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " {}",
        "{} ",
        "{\"a\": 1}",
        "{\"b\":1,\"a\":2}",
        "{\"a\":1,\"a\":2}",
        "[1.0]",
        "[-0]",
        "[01]",
        "[1E5]",
        "[1e5]",
        "[100000.5e0]",
        "[9007199254740992]",
        "[1e400]",
        "[\"\\u0041\"]",
        "[\"\\/\"]",
        "[\"\\u000A\"]",
        "[\"\\u000a\"]",
        "[\"\\u00e9\"]",
        "[\"\\ud83d\\ude00\"]",
        "[\"\t\"]",
        "[tru]",
        "[true,]",
        "{\"a\":1,}",
        "{\"a\"1}",
        "[1]]",
        "\"unterminated",
      })
  void refusesWhatIsNotCanonical(String json) {
    assertThat(scans(json)).isFalse();
  }

  @Test
  void refusesMalformedUtf8() {
    byte[][] bad = {
      {'"', (byte) 0xc0, (byte) 0xaf, '"'}, // overlong '/'
      {'"', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"'}, // a surrogate, CESU style
      {'"', (byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80, '"'}, // past U+10FFFF
      {'"', (byte) 0xe2, (byte) 0x82, '"'}, // truncated
      {'"', (byte) 0x80, '"'}, // lone continuation
    };
    for (byte[] b : bad) {
      assertThat(scans(b)).as(Arrays.toString(b)).isFalse();
    }
  }

  @Test
  void enforcesTheDepthLimit() {
    assertThat(scans("[".repeat(32) + "]".repeat(32))).isTrue();
    assertThat(scans("[".repeat(33) + "]".repeat(33))).isFalse();
  }

  @Test
  void reportsMembersWithTheirPathTypeAndLength() {
    byte[] json =
        "{\"a\":{\"b\":\"é😀x\",\"c\":[{\"b\":1}]},\"z\":true}".getBytes(StandardCharsets.UTF_8);
    StringBuilder seen = new StringBuilder();
    byte[] a = CanonicalJsonScanner.ascii("a");
    byte[] b = CanonicalJsonScanner.ascii("b");
    boolean ok =
        scanner.scan(
            json,
            0,
            json.length,
            (s, depth, type, start, end, chars) -> {
              seen.append(depth)
                  .append(type)
                  .append(chars)
                  .append(s.keyIs(1, a) && depth >= 2 && s.keyIs(2, b) ? "=a.b" : "")
                  .append(' ');
              return true;
            });
    assertThat(ok).isTrue();
    // The object in the array is at depth 4, below the array at depth 3: its "b" is not a.b.
    assertThat(seen.toString()).isEqualTo("2STRING4=a.b 4NUMBER0 2ARRAY0 1OBJECT0 1BOOLEAN0 ");
  }

  @Test
  void aRefusingVisitorRefusesTheDocument() {
    byte[] json = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
    assertThat(scanner.scan(json, 0, json.length, (s, d, t, st, e, c) -> false)).isFalse();
  }

  /** Random documents: canonical ones are accepted; mutated ones only when really canonical. */
  @Test
  void agreesWithParsingAndReserializingOnRandomDocuments() {
    SplittableRandom random = new SplittableRandom(15);
    int accepted = 0;
    for (int n = 0; n < 3000; n++) {
      byte[] bytes = CanonicalJson.bytes(randomValue(random, 0));
      // Equal, not just true: a double past 2^53 prints as digits that read back as a long and
      // are refused, by both.
      assertThat(scans(bytes))
          .as(new String(bytes, StandardCharsets.UTF_8))
          .isEqualTo(canonical(bytes));
      byte[] mutated = mutate(bytes, random);
      if (scans(mutated)) {
        accepted++;
        assertThat(canonical(mutated)).as(new String(mutated, StandardCharsets.UTF_8)).isTrue();
      }
    }
    assertThat(accepted).as("some mutations stay canonical, so the check ran").isPositive();
  }

  private static byte[] mutate(byte[] bytes, SplittableRandom random) {
    byte[] out = bytes.clone();
    int at = random.nextInt(out.length);
    byte[] choices = {
      ' ', '0', '1', '.', 'e', '"', '\\', 'u', ',', ':', '{', '}', 'a', (byte) 0xc3
    };
    out[at] = choices[random.nextInt(choices.length)];
    return out;
  }

  private static JsonNode randomValue(SplittableRandom random, int depth) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    int kind = random.nextInt(depth > 3 ? 5 : 7);
    switch (kind) {
      case 0:
        return f.textNode(randomText(random));
      case 1:
        return f.numberNode(random.nextLong(-1_000_000_000L, 1_000_000_000L));
      case 2:
        return f.numberNode(random.nextDouble() * Math.pow(10, random.nextInt(-9, 25)));
      case 3:
        return f.booleanNode(random.nextBoolean());
      case 4:
        return f.nullNode();
      case 5:
        ArrayNode array = f.arrayNode();
        for (int i = random.nextInt(4); i > 0; i--) {
          array.add(randomValue(random, depth + 1));
        }
        return array;
      default:
        ObjectNode object = f.objectNode();
        for (int i = random.nextInt(5); i > 0; i--) {
          object.set(
              String.valueOf((char) ('a' + random.nextInt(6))) + random.nextInt(3),
              randomValue(random, depth + 1));
        }
        return object;
    }
  }

  private static String randomText(SplittableRandom random) {
    String alphabet = "ab \"\\\n\t\u0001\u007fé€😀";
    StringBuilder b = new StringBuilder();
    for (int i = random.nextInt(8); i > 0; i--) {
      b.appendCodePoint(alphabet.codePoints().toArray()[random.nextInt(12)]);
    }
    return b.toString();
  }
}
