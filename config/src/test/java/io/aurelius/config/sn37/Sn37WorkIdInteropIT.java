package io.aurelius.config.sn37;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.crypto.Sr25519KeyPair;
import io.aurelius.core.identity.wallet.AccountId;
import io.aurelius.core.json.JsonLimits;
import io.aurelius.core.testing.InteropPeer;
import io.aurelius.core.testing.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link PyJson} and {@link WorkToken} against CPython itself: {@code interop/sn37_peer.py}, run by
 * the interpreter of {@code .venv-interop/} ({@code .ci/setup} makes it), renders each document
 * with {@code json.dumps(json.loads(text), sort_keys=True)} and hashes the work id as SN37 does;
 * bittensor-wallet's {@code Keypair} signs and verifies work tokens. Hand-picked tricky documents
 * (non-ASCII, escapes, nesting, numbers), every schema_v1 fixture in {@code testdata/aurelius-v1},
 * and random documents from one seed per run that every assertion names ({@code
 * -Daurelius.interop.seed=N} replays a run). No environment is a failure, not a skip.
 */
class Sn37WorkIdInteropIT {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final HexFormat HEX = HexFormat.of();
  private static final long SEED =
      Long.getLong("aurelius.interop.seed", new SecureRandom().nextLong());
  private static final List<String> TRICKY =
      List.of(
          "{}",
          "[]",
          "{\"b\":1,\"a\":[true,false,null],\"c\":{\"z\":\"x\",\"y\":[[],{}]}}",
          "{\"k\":\"caf\\u00e9 \\ud83d\\ude00 \\\"q\\\" \\\\ \\/ \\n\\r\\t\\b\\f\\u0001\\u001f\\u007f\"}",
          "{\"raw\":\"Zoë — 東京 😀 \u2028\u2029 ~ \"}",
          "{\"\\uffff\":1,\"\\ud800\\udc00\":2,\"a\":3,\"B\":4,\"\":5,\"é\":6,\"e\\u0301\":7}",
          "{\"lone\":\"\\ud800 and \\udfff\"}",
          "[1.0,1e16,1e15,0.0001,0.00001,-0.0,0,-0,1.5e300,5e-324,1.7976931348623157e308,"
              + "123456789012345678901234567890,-98765432109876543210,0.1,2.5E-7,1E2,100.0,"
              + "0.30000000000000004,1234567890123456.7,12345678901234567.0,9007199254740993,"
              + "9007199254740993.0,1e22,1e23,4.35,2.675,1e-7,123e-20,0.5e1]",
          "{\"deep\":{\"a\":{\"b\":{\"c\":[{\"d\":[1,[2,[3,{\"e\":\"f\"}]]]}]}}}}");

  private static InteropPeer peer;

  @TempDir static Path tmp;

  @BeforeAll
  static void findThePeer() throws IOException {
    peer = InteropPeer.open("sn37_peer.py", "bittensor-wallet", tmp);
  }

  @Test
  void trickyDocumentsRenderAsPythonRendersThem() {
    assertSameDumps(TRICKY, "tricky documents");
  }

  @Test
  void everySchemaV1FixtureRendersAsPythonRendersIt() throws IOException {
    List<String> texts = new ArrayList<>();
    try (Stream<Path> files = Files.walk(TestData.path("aurelius-v1"))) {
      for (Path p : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        texts.add(Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    assertThat(texts).hasSizeGreaterThanOrEqualTo(10);
    assertSameDumps(texts, "testdata/aurelius-v1");
  }

  @Test
  void randomDocumentsRenderAsPythonRendersThem() {
    Random random = new Random(SEED);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      texts.add(randomValue(random, 0).toString());
    }
    assertSameDumps(texts, "seed " + SEED);
  }

  @Test
  void workIdsAreThoseSn37Computes() {
    Random random = new Random(SEED);
    ArrayNode requests = JSON.arrayNode();
    List<String> ours = new ArrayList<>();
    for (String text : TRICKY) {
      String hotkey = AccountId.of(bytes(random, 32)).ss58Address();
      String timeNs = Long.toString(Math.abs(random.nextLong()));
      String nonce = HEX.formatHex(bytes(random, 16));
      requests.add(
          JSON.objectNode()
              .put("op", "work_id")
              .put("json", text)
              .put("hotkey", hotkey)
              .put("time_ns", timeNs)
              .put("nonce", nonce));
      ours.add(WorkToken.workId(PyJson.dumps(parse(text)), hotkey, timeNs, nonce));
    }
    List<JsonNode> answers = peer.batch(requests, "seed " + SEED);
    for (int i = 0; i < ours.size(); i++) {
      assertThat(ours.get(i)).as(TRICKY.get(i)).isEqualTo(answers.get(i).get("work_id").asText());
    }
  }

  @Test
  void workTokensSignedOnEitherSideVerifyOnTheOther() {
    Random random = new Random(SEED);
    byte[] seed = bytes(random, 32);
    Sr25519KeyPair key = Sr25519KeyPair.fromMiniSecret(seed);
    String ss58 = AccountId.of(key.publicKey().bytes()).ss58Address();
    JsonNode config = parse(TRICKY.get(4));
    WorkToken ours = WorkToken.issue(config, key, Instant.now(), random);
    String workId = ours.workId();
    String tampered = (workId.charAt(0) == '0' ? "1" : "0") + workId.substring(1);
    ArrayNode requests = JSON.arrayNode();
    requests.add(verify(ss58, workId, ours.signature()));
    requests.add(verify(ss58, tampered, ours.signature()));
    requests.add(
        JSON.objectNode()
            .put("op", "sign")
            .put("seed_hex", HEX.formatHex(seed))
            .put("work_id", workId));
    List<JsonNode> answers = peer.batch(requests, "seed " + SEED);
    assertThat(answers.get(0).get("valid").asBoolean()).as("ours in Python").isTrue();
    assertThat(answers.get(1).get("valid").asBoolean()).as("tampered in Python").isFalse();
    assertThat(answers.get(2).get("ss58").asText()).isEqualTo(ss58);
    WorkToken theirs =
        new WorkToken(
            workId, ours.nonce(), ours.timeNs(), answers.get(2).get("signature_hex").asText());
    assertThat(theirs.signedBy(key.publicKey())).as("Python's in ours, seed " + SEED).isTrue();
    assertThat(
            new WorkToken(tampered, ours.nonce(), ours.timeNs(), theirs.signature())
                .signedBy(key.publicKey()))
        .isFalse();
  }

  private static ObjectNode verify(String ss58, String workId, String signature) {
    return JSON.objectNode()
        .put("op", "verify")
        .put("ss58", ss58)
        .put("work_id", workId)
        .put("signature_hex", signature);
  }

  private static void assertSameDumps(List<String> texts, String context) {
    ArrayNode requests = JSON.arrayNode();
    texts.forEach(t -> requests.add(JSON.objectNode().put("op", "dumps").put("json", t)));
    List<JsonNode> answers = peer.batch(requests, context);
    for (int i = 0; i < texts.size(); i++) {
      String ours = PyJson.dumps(parse(texts.get(i)));
      JsonNode theirs = answers.get(i);
      String shown = texts.get(i).length() > 200 ? texts.get(i).substring(0, 200) : texts.get(i);
      if (theirs.get("text").isTextual()) {
        assertThat(ours).as(shown + " " + context).isEqualTo(theirs.get("text").asText());
      }
      assertThat(sha256(ours)).as(shown + " " + context).isEqualTo(theirs.get("sha256").asText());
    }
  }

  private static JsonNode parse(String text) {
    return PyJson.parse(text.getBytes(StandardCharsets.UTF_8), "document", JsonLimits.UNTRUSTED);
  }

  private static String sha256(String s) {
    try {
      return HEX.formatHex(
          MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static byte[] bytes(Random random, int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  /** A random JSON value: nesting up to 4, keys and strings over ASCII, BMP and astral ranges. */
  private static JsonNode randomValue(Random random, int depth) {
    int kind = random.nextInt(depth >= 4 ? 5 : 7);
    return switch (kind) {
      case 0 -> JSON.nullNode();
      case 1 -> JSON.booleanNode(random.nextBoolean());
      case 2 -> JSON.numberNode(random.nextLong() >> random.nextInt(64));
      case 3 -> JSON.numberNode(randomDouble(random));
      case 4 -> JSON.textNode(randomString(random));
      case 5 -> {
        ArrayNode a = JSON.arrayNode();
        for (int i = random.nextInt(5); i > 0; i--) {
          a.add(randomValue(random, depth + 1));
        }
        yield a;
      }
      default -> {
        ObjectNode o = JSON.objectNode();
        for (int i = random.nextInt(5); i > 0; i--) {
          o.set(randomString(random), randomValue(random, depth + 1));
        }
        yield o;
      }
    };
  }

  private static double randomDouble(Random random) {
    while (true) {
      double d =
          switch (random.nextInt(3)) {
            case 0 -> Double.longBitsToDouble(random.nextLong());
            case 1 -> random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
            default -> random.nextInt(100000) / 100.0;
          };
      if (Double.isFinite(d)) {
        return d;
      }
    }
  }

  private static String randomString(Random random) {
    StringBuilder s = new StringBuilder();
    for (int i = random.nextInt(8); i > 0; i--) {
      int cp =
          switch (random.nextInt(4)) {
            case 0 -> random.nextInt(0x80);
            case 1 -> 0x80 + random.nextInt(0x800);
            case 2 -> 0xe000 + random.nextInt(0x2000);
            default -> 0x10000 + random.nextInt(0x1000);
          };
      s.appendCodePoint(cp);
    }
    return s.toString();
  }
}
