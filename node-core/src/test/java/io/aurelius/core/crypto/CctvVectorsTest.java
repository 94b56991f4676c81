package io.aurelius.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonLimits;
import io.aurelius.core.testing.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pins the node's Ed25519 verification rule against the 914 C2SP/CCTV edge-case vectors.
 *
 * <p>The node accepts exactly 106 of them: the ones whose {@code flags} contain none of {@code
 * low_order_A}, {@code low_order_R} (A or R is a point of order 1, 2, 4 or 8), {@code
 * non_canonical_A}, {@code non_canonical_R} (y ≥ p, or x = 0 with the sign bit set). Every vector
 * with one of those flags is rejected. The accepted ones carry only {@code low_order_component_A/R}
 * (a mixed-order point: prime-order part plus torsion) and {@code low_order_residue} (the
 * cofactorless equation fails but the cofactored one holds); the node verifies with the cofactored
 * equation, so those pass, and one vector (305) has no flags at all. No vector in the set has S ≥
 * L. BouncyCastle on its own accepts 212: the difference is the low-order R check in {@link
 * Ed25519}.
 */
class CctvVectorsTest {
  /** The vector numbers the node accepts, as ranges. Changing the rule must change this. */
  private static final String ACCEPTED =
      "6-7, 28-29, 50-51, 85, 92, 99, 106, 116-117, 138-139, 160-161, 182-183, 217, 224, 231, 238,"
          + " 248-249, 267, 286, 305, 336, 349, 362, 375, 388, 410-411, 424-425, 438-439, 464-465,"
          + " 472-473, 480-481, 488-489, 496-497, 510-511, 524-525, 538-539, 564-565, 572-573,"
          + " 580-581, 588-589, 596-597, 610-611, 624-625, 638-639, 664-665, 672-673, 680-681,"
          + " 688-689, 696-697, 710-711, 724-725, 738-739, 764-765, 772-773, 780-781, 788-789,"
          + " 796-797, 807, 818, 832-833, 867, 874, 881, 888, 898-899";

  private static final Set<String> REJECTING_FLAGS =
      Set.of("low_order_A", "low_order_R", "non_canonical_A", "non_canonical_R");

  private record Vector(int number, byte[] key, byte[] sig, byte[] msg, Set<String> flags) {}

  private static List<Vector> vectors;
  private static TreeSet<Integer> accepted;

  @BeforeAll
  static void load() throws IOException {
    byte[] bytes = Files.readAllBytes(TestData.path("ed25519", "cctv-ed25519vectors.json"));
    JsonNode root = Json.parse(bytes, "cctv-ed25519vectors.json", new JsonLimits(1 << 22, 8, 4096));
    vectors = new ArrayList<>();
    HexFormat hex = HexFormat.of();
    for (JsonNode v : root) {
      Set<String> flags = new TreeSet<>();
      v.path("flags").forEach(f -> flags.add(f.asText())); // null flags: none
      vectors.add(
          new Vector(
              v.get("number").asInt(),
              hex.parseHex(v.get("key").asText()),
              hex.parseHex(v.get("sig").asText()),
              v.get("msg").asText().getBytes(StandardCharsets.UTF_8),
              flags));
    }
    accepted = new TreeSet<>();
    for (Vector v : vectors) {
      if (verify(v)) {
        accepted.add(v.number());
      }
    }
  }

  @Test
  void allVectorsAreRead() {
    assertThat(vectors).hasSize(914);
    assertThat(vectors.stream().mapToInt(Vector::number))
        .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 914).boxed().toList());
  }

  @Test
  void nodeAcceptsExactlyThePinnedVectors() {
    assertThat(accepted).containsExactlyElementsOf(parseRanges(ACCEPTED));
    assertThat(parseRanges(ACCEPTED)).hasSize(106);
  }

  @Test
  void acceptedIsExactlyTheVectorsWithoutSmallOrderOrNonCanonicalFlags() {
    TreeSet<Integer> clean = new TreeSet<>();
    for (Vector v : vectors) {
      if (v.flags().stream().noneMatch(REJECTING_FLAGS::contains)) {
        clean.add(v.number());
      }
    }
    assertThat(accepted).isEqualTo(clean);
    for (Vector v : vectors) {
      if (accepted.contains(v.number())) {
        assertThat(v.flags())
            .as("flags of accepted vector %d", v.number())
            .doesNotContainAnyElementsOf(REJECTING_FLAGS);
      }
    }
  }

  @Test
  void theSmallOrderRCheckIsWhatRejectsVectorsBouncyCastleAccepts() {
    int bcOnly = 0;
    for (Vector v : vectors) {
      boolean bc =
          org.bouncycastle.math.ec.rfc8032.Ed25519.verify(
              v.sig(), 0, v.key(), 0, v.msg(), 0, v.msg().length);
      boolean node = verify(v);
      assertThat(node && !bc).as("node accepts %d but BouncyCastle does not", v.number()).isFalse();
      if (bc && !node) {
        bcOnly++;
        assertThat(v.flags()).as("vector %d", v.number()).contains("low_order_R");
        assertThat(Ed25519.hasSmallOrder(v.sig(), 0)).isTrue();
      }
    }
    assertThat(bcOnly).isEqualTo(106);
  }

  private static boolean verify(Vector v) {
    return Ed25519.verify(Ed25519PublicKey.fromBytes(v.key()), v.msg(), v.sig());
  }

  private static List<Integer> parseRanges(String ranges) {
    List<Integer> out = new ArrayList<>();
    for (String part : ranges.split(",")) {
      String[] bounds = part.strip().split("-");
      int from = Integer.parseInt(bounds[0]);
      int to = bounds.length == 2 ? Integer.parseInt(bounds[1]) : from;
      for (int i = from; i <= to; i++) {
        out.add(i);
      }
    }
    return out;
  }
}
