package io.aurelius.core.crypto.sr25519;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cafe.cryptography.curve25519.Constants;
import cafe.cryptography.curve25519.Scalar;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class Sr25519Test {
  private static final HexFormat HEX = HexFormat.of();
  private static final SecureRandom RANDOM = new SecureRandom();

  /** ℓ = 2^252 + 27742317777372353535851937790883648493, the Ristretto255 group order. */
  private static final BigInteger ORDER =
      BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));

  private final Sr25519SecretKey key = Sr25519SecretKey.fromMiniSecret(bytes(32, 7));
  private final byte[] message = "btauth/1\nsr25519\nPOST".getBytes(StandardCharsets.UTF_8);

  @Test
  void signaturesAreRandomizedAndVerify() {
    byte[] a = key.sign(message, RANDOM);
    byte[] b = key.sign(message, RANDOM);
    assertThat(a).hasSize(64).isNotEqualTo(b);
    assertThat(a[63] & 0x80).isEqualTo(0x80);
    assertThat(Sr25519.verify(key.publicKey(), message, a)).isTrue();
    assertThat(Sr25519.verify(key.publicKey(), message, b)).isTrue();
    assertThat(Sr25519.verify(key.publicKey(), new byte[0], key.sign(new byte[0], RANDOM)))
        .isTrue();
  }

  @Test
  void rejectsATamperedMessageAWrongKeyAndAnotherContext() {
    byte[] sig = key.sign(message, RANDOM);
    byte[] tampered = message.clone();
    tampered[0] ^= 1;
    assertThat(Sr25519.verify(key.publicKey(), tampered, sig)).isFalse();
    byte[] other = Sr25519SecretKey.fromMiniSecret(bytes(32, 8)).publicKey();
    assertThat(Sr25519.verify(other, message, sig)).isFalse();
    assertThat(
            Sr25519.verify(
                "other".getBytes(StandardCharsets.US_ASCII), key.publicKey(), message, sig))
        .isFalse();
  }

  @Test
  void rejectsTamperedSignaturesAndWrongLengths() {
    byte[] sig = key.sign(message, RANDOM);
    for (int i : new int[] {0, 31, 32, 62}) {
      byte[] bad = sig.clone();
      bad[i] ^= 1;
      assertThat(Sr25519.verify(key.publicKey(), message, bad)).as("byte " + i).isFalse();
    }
    assertThat(Sr25519.verify(key.publicKey(), message, Arrays.copyOf(sig, 63))).isFalse();
    assertThat(Sr25519.verify(key.publicKey(), message, Arrays.copyOf(sig, 65))).isFalse();
    assertThat(Sr25519.verify(key.publicKey(), message, null)).isFalse();
    assertThat(Sr25519.verify(null, message, sig)).isFalse();
  }

  @Test
  void rejectsASignatureWithoutTheMarkerBit() {
    byte[] sig = key.sign(message, RANDOM);
    sig[63] &= 0x7f;
    assertThat(Sr25519.verify(key.publicKey(), message, sig)).isFalse();
  }

  /** s + ℓ satisfies the equation too; only the canonical s < ℓ is accepted. */
  @Test
  void rejectsANonCanonicalScalar() {
    byte[] sig = key.sign(message, RANDOM);
    byte[] sBytes = Arrays.copyOfRange(sig, 32, 64);
    sBytes[31] &= 0x7f;
    BigInteger s = le(sBytes);
    byte[] bad = withScalar(sig, s.add(ORDER));
    assertThat(Sr25519.verify(key.publicKey(), message, bad)).isFalse();
    assertThat(Sr25519.verify(key.publicKey(), message, withScalar(sig, s))).isTrue();
    assertThat(Sr25519.verify(key.publicKey(), message, withScalar(sig, ORDER))).isFalse();
  }

  /**
   * A signature with r = 0 has R = identity, whose canonical encoding is 32 zero bytes; p = 2^255 −
   * 19 is a non-canonical encoding of the same field element 0. With the secret key both can be
   * made to hold: the canonical one verifies, the non-canonical one must not.
   */
  @Test
  void rejectsANonCanonicalR() {
    byte[] canonical = new byte[32];
    byte[] nonCanonical =
        HEX.parseHex("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
    assertThat(Sr25519.verify(key.publicKey(), message, zeroWitnessSignature(canonical))).isTrue();
    assertThat(Sr25519.verify(key.publicKey(), message, zeroWitnessSignature(nonCanonical)))
        .isFalse();
  }

  /** RFC 9496 appendix A.2: non-canonical and negative field encodings are not public keys. */
  @Test
  void rejectsInvalidPublicKeyEncodingsAndTheIdentity() {
    List<String> invalid =
        List.of(
            "00ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
            "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
            "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
            "0100000000000000000000000000000000000000000000000000000000000000",
            "01ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
            "0000000000000000000000000000000000000000000000000000000000000000");
    for (String hex : invalid) {
      assertThat(Sr25519.isValidPublicKey(HEX.parseHex(hex))).as(hex).isFalse();
    }
    byte[] sig = key.sign(message, RANDOM);
    assertThat(Sr25519.verify(new byte[32], message, sig)).isFalse();
    assertThat(Sr25519.isValidPublicKey(key.publicKey())).isTrue();
  }

  /** RFC 9496 appendix A.1: the encoding of the generator B. */
  @Test
  void generatorEncoding() {
    assertThat(HEX.formatHex(Constants.RISTRETTO_GENERATOR.compress().toByteArray()))
        .isEqualTo("e2f2ae0a6abc4e71a884a961c500515f58e30b6aa582dd8db6a65945e08d2d76");
  }

  @Test
  void softDerivedKeysSignForTheSoftDerivedPublicKey() {
    byte[] cc = DeriveJunction.soft("stash").chainCode();
    Sr25519SecretKey child = key.deriveSoft(cc, RANDOM);
    assertThat(child.publicKey()).isEqualTo(Sr25519.deriveSoftPublic(key.publicKey(), cc));
    assertThat(Sr25519.verify(child.publicKey(), message, child.sign(message, RANDOM))).isTrue();
    assertThat(key.deriveSoft(DeriveJunction.soft("1").chainCode(), RANDOM).publicKey())
        .isNotEqualTo(key.deriveSoft(DeriveJunction.soft("2").chainCode(), RANDOM).publicKey());
  }

  @Test
  void hardDerivationIsDeterministic() {
    byte[] cc = DeriveJunction.hard("1").chainCode();
    assertThat(key.deriveHard(cc).publicKey()).isEqualTo(key.deriveHard(cc).publicKey());
    assertThat(key.deriveHard(cc).publicKey())
        .isNotEqualTo(key.deriveHard(DeriveJunction.hard("2").chainCode()).publicKey());
  }

  @Test
  void secretKeyBytesRoundTrip() {
    Sr25519SecretKey copy = Sr25519SecretKey.fromBytes(key.toBytes());
    assertThat(copy.publicKey()).isEqualTo(key.publicKey());
    assertThat(Sr25519.verify(key.publicKey(), message, copy.sign(message, RANDOM))).isTrue();
    assertThat(copy.toString()).doesNotContain(HEX.formatHex(key.toBytes()).substring(0, 16));
    byte[] bad = key.toBytes();
    bad[31] = (byte) 0xff;
    assertThatThrownBy(() -> Sr25519SecretKey.fromBytes(bad)).hasMessageContaining("canonical");
  }

  /** A small throughput print after a short warm-up; not an assertion. */
  @Test
  void timing() {
    measure(200); // warm-up
    double[] perSecond = measure(500);
    System.out.printf(
        "sr25519 (single thread): sign %.0f/s, verify %.0f/s%n", perSecond[0], perSecond[1]);
  }

  private double[] measure(int n) {
    byte[][] sigs = new byte[n][];
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      sigs[i] = key.sign(message, RANDOM);
    }
    long t1 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      assertThat(Sr25519.verify(key.publicKey(), message, sigs[i])).isTrue();
    }
    long t2 = System.nanoTime();
    return new double[] {n / ((t1 - t0) / 1e9), n / ((t2 - t1) / 1e9)};
  }

  /** R ‖ s with r = 0, so s = k·a with k over the given R encoding. */
  private byte[] zeroWitnessSignature(byte[] rEncoding) {
    MerlinTranscript t = Transcripts.signing(Sr25519.SUBSTRATE_CONTEXT, message);
    t.append("proto-name", Transcripts.ascii("Schnorr-sig"));
    t.append("sign:pk", key.publicKey());
    t.append("sign:R", rEncoding);
    Scalar k = Transcripts.challengeScalar(t, "sign:c");
    Scalar a = Scalar.fromCanonicalBytes(Arrays.copyOf(key.toBytes(), 32));
    byte[] sig = Arrays.copyOf(rEncoding, 64);
    System.arraycopy(k.multiply(a).toByteArray(), 0, sig, 32, 32);
    sig[63] |= (byte) 0x80;
    return sig;
  }

  private static byte[] withScalar(byte[] sig, BigInteger s) {
    byte[] out = sig.clone();
    byte[] le = new byte[32];
    byte[] be = s.toByteArray();
    for (int i = 0; i < be.length && i < 32; i++) {
      le[i] = be[be.length - 1 - i];
    }
    System.arraycopy(le, 0, out, 32, 32);
    out[63] |= (byte) 0x80;
    return out;
  }

  private static BigInteger le(byte[] b) {
    byte[] be = new byte[b.length];
    for (int i = 0; i < b.length; i++) {
      be[i] = b[b.length - 1 - i];
    }
    return new BigInteger(1, be);
  }

  private static byte[] bytes(int n, int fill) {
    byte[] b = new byte[n];
    Arrays.fill(b, (byte) fill);
    return b;
  }
}
