package io.aurelius.core.crypto.sr25519;

import static org.assertj.core.api.Assertions.assertThat;

import cafe.cryptography.curve25519.Scalar;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** Isolated: some tests clear and inspect {@link Sr25519}'s one shared cache. */
@Isolated
class VerifyingPointsTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final SecureRandom RANDOM = new SecureRandom();

  private record Case(String name, byte[] publicKey, byte[] message, byte[] signature) {
    boolean verify() {
      return Sr25519.verify(publicKey, message, signature);
    }
  }

  @BeforeEach
  void coldCache() {
    Sr25519.VERIFYING_POINTS.clear();
  }

  /**
   * Every outcome is the same with the key uncached, decoded, and with its table: the vectors
   * (including the unmarked signature that must fail), signatures of our own, tampered ones.
   */
  @Test
  void theCacheNeverChangesAnOutcome() {
    List<Case> cases = new ArrayList<>();
    for (JsonNode v : BittensorVectors.group("sr25519_verify")) {
      cases.add(
          new Case(
              v.get("source").asText(),
              HEX.parseHex(v.get("public_hex").asText()),
              v.get("message_utf8").asText().getBytes(StandardCharsets.UTF_8),
              HEX.parseHex(v.get("signature_hex").asText())));
    }
    Sr25519SecretKey key = Sr25519SecretKey.fromMiniSecret(new byte[32]);
    byte[] message = "btauth/1".getBytes(StandardCharsets.US_ASCII);
    byte[] sig = key.sign(message, RANDOM);
    byte[] tampered = sig.clone();
    tampered[5] ^= 1;
    byte[] unmarked = sig.clone();
    unmarked[63] &= 0x7f;
    byte[] other = Sr25519SecretKey.fromMiniSecret(bytes(32, 9)).publicKey();
    cases.add(new Case("own", key.publicKey(), message, sig));
    cases.add(new Case("tampered", key.publicKey(), message, tampered));
    cases.add(new Case("unmarked", key.publicKey(), message, unmarked));
    cases.add(new Case("other key", other, message, sig));

    List<Boolean> cold = new ArrayList<>();
    for (Case c : cases) {
      Sr25519.VERIFYING_POINTS.clear();
      cold.add(c.verify());
    }
    assertThat(cold).contains(true, false);
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < cases.size(); i++) {
        assertThat(cases.get(i).verify()).as(cases.get(i).name()).isEqualTo(cold.get(i));
      }
    }
    // The rounds above did reach the table path.
    assertThat(Sr25519.VERIFYING_POINTS.get(key.publicKey()).orElseThrow().hasTable()).isTrue();
  }

  @Test
  void theTableGivesTheSameProductAsTheVariableBaseMultiply() {
    VerifyingPoints points = new VerifyingPoints(4);
    byte[] encoded = Sr25519SecretKey.fromMiniSecret(bytes(32, 3)).publicKey();
    VerifyingPoints.Point p = points.get(encoded).orElseThrow();
    for (int i = 0; i < 2 * VerifyingPoints.TABLE_AFTER; i++) {
      Scalar k = Scalar.fromBytesModOrderWide(randomBytes(64));
      assertThat(p.negatedMultiple(k).compress())
          .isEqualTo(p.point().multiply(k).negate().compress());
    }
    assertThat(p.hasTable()).isTrue();
  }

  /** A bad point is a false verify, never an exception, and is never cached. */
  @Test
  void badPointsAreFalseAndNotCached() {
    Sr25519SecretKey key = Sr25519SecretKey.fromMiniSecret(bytes(32, 5));
    byte[] message = "m".getBytes(StandardCharsets.US_ASCII);
    byte[] sig = key.sign(message, RANDOM);
    byte[] nonCanonical = new byte[32];
    Arrays.fill(nonCanonical, (byte) 0xff);
    byte[] negative = new byte[32];
    negative[0] = 1; // s = 1 is odd, which Ristretto255 decoding rejects
    List<byte[]> bad = List.of(nonCanonical, negative, new byte[32], new byte[31], new byte[33]);
    for (int round = 0; round < 3; round++) {
      for (byte[] publicKey : bad) {
        assertThat(Sr25519.verify(publicKey, message, sig)).isFalse();
      }
      assertThat(Sr25519.verify(null, message, sig)).isFalse();
    }
    assertThat(Sr25519.VERIFYING_POINTS.size()).isZero();
    VerifyingPoints points = new VerifyingPoints(4);
    for (byte[] publicKey : bad) {
      assertThat(points.get(publicKey)).isEmpty();
    }
    assertThat(points.get(null)).isEmpty();
    assertThat(points.size()).isZero();
  }

  @Test
  void staysWithinItsCapacityAndForgetsTheLeastRecentlyUsed() {
    VerifyingPoints points = new VerifyingPoints(2);
    byte[] a = Sr25519SecretKey.fromMiniSecret(bytes(32, 1)).publicKey();
    byte[] b = Sr25519SecretKey.fromMiniSecret(bytes(32, 2)).publicKey();
    byte[] c = Sr25519SecretKey.fromMiniSecret(bytes(32, 3)).publicKey();
    VerifyingPoints.Point first = points.get(a).orElseThrow();
    points.get(b);
    assertThat(points.get(a)).containsSame(first); // a is now the most recent
    points.get(c);
    assertThat(points.size()).isEqualTo(2);
    assertThat(points.get(a)).containsSame(first);
    assertThat(points.get(b)).isPresent().get().isNotSameAs(first); // b was evicted, decoded again
  }

  /** The cache keeps its own copy: changing the caller's array later changes no entry. */
  @Test
  void aCallersArrayIsCopied() {
    VerifyingPoints points = new VerifyingPoints(4);
    byte[] encoded = Sr25519SecretKey.fromMiniSecret(bytes(32, 4)).publicKey();
    byte[] original = encoded.clone();
    VerifyingPoints.Point p = points.get(encoded).orElseThrow();
    encoded[0] ^= 1;
    assertThat(points.get(original)).containsSame(p);
    assertThat(p.point().compress().toByteArray()).isEqualTo(original);
  }

  private static byte[] bytes(int n, int fill) {
    byte[] b = new byte[n];
    Arrays.fill(b, (byte) fill);
    return b;
  }

  private static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }
}
