package io.aurelius.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.junit.jupiter.api.Test;

/**
 * The signing seam: {@link KeyScheme}, {@link Signer}, {@link Verifier} for Ed25519 (sr25519 is in
 * {@link Sr25519SeamTest}).
 */
class SigningSeamTest {
  private static final HexFormat HEX = HexFormat.of();

  /** RFC 8032 §7.1 TEST 2: a fixed key and message with the signature the node always made. */
  private static final String SEED =
      "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb";

  private static final String PUBLIC =
      "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c";
  private static final byte[] MESSAGE = HEX.parseHex("72");
  private static final String SIGNATURE =
      "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223"
          + "ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00";

  private static final Ed25519KeyPair PAIR = Ed25519KeyPair.fromSeed(HEX.parseHex(SEED));

  @Test
  void ed25519SignerSignsTheSameBytesAsBefore() {
    Signer signer = PAIR;
    assertThat(signer.scheme()).isEqualTo(KeyScheme.ED25519);
    assertThat(signer.publicKey().scheme()).isEqualTo(KeyScheme.ED25519);
    assertThat(signer.publicKey().hex()).isEqualTo(PUBLIC);
    assertThat(HEX.formatHex(signer.sign(MESSAGE))).isEqualTo(SIGNATURE);
    byte[] longer = "nonce.sender.receiver.uuid.bodyhash".getBytes(StandardCharsets.UTF_8);
    assertThat(signer.sign(longer)).isEqualTo(PAIR.privateKey().sign(longer));
  }

  @Test
  void ed25519VerifierAcceptsTheSignatureByBytesAndByKey() {
    Verifier verifier = Verifier.of(KeyScheme.ED25519);
    assertThat(verifier.scheme()).isEqualTo(KeyScheme.ED25519);
    assertThat(KeyScheme.ED25519.verifier()).isSameAs(verifier);
    byte[] signature = HEX.parseHex(SIGNATURE);
    assertThat(verifier.verify(HEX.parseHex(PUBLIC), MESSAGE, signature)).isTrue();
    assertThat(verifier.verify(PAIR.publicKey(), MESSAGE, signature)).isTrue();
    assertThat(
            verifier.verify(KeyScheme.ED25519.publicKey(HEX.parseHex(PUBLIC)), MESSAGE, signature))
        .isTrue();
  }

  @Test
  void verifierRejectsATamperedMessageOrSignature() {
    Verifier verifier = KeyScheme.ED25519.verifier();
    byte[] signature = HEX.parseHex(SIGNATURE);
    assertThat(verifier.verify(PAIR.publicKey(), HEX.parseHex("73"), signature)).isFalse();
    assertThat(verifier.verify(PAIR.publicKey(), new byte[0], signature)).isFalse();
    byte[] flipped = signature.clone();
    flipped[40] ^= 1;
    assertThat(verifier.verify(PAIR.publicKey(), MESSAGE, flipped)).isFalse();
    assertThat(verifier.verify(PAIR.publicKey(), MESSAGE, new byte[63])).isFalse();
    assertThat(verifier.verify(PAIR.publicKey(), MESSAGE, null)).isFalse();
  }

  @Test
  void verifierRejectsAnotherKey() {
    Verifier verifier = KeyScheme.ED25519.verifier();
    byte[] signature = HEX.parseHex(SIGNATURE);
    Ed25519KeyPair other = Ed25519KeyPair.fromSeed(new byte[32]);
    assertThat(verifier.verify(other.publicKey(), MESSAGE, signature)).isFalse();
    assertThat(verifier.verify(other.publicKey().bytes(), MESSAGE, signature)).isFalse();
  }

  @Test
  void verifierRejectsAKeyOrSignatureOfAnotherScheme() {
    Verifier verifier = KeyScheme.ED25519.verifier();
    // the same key and message signed under Ed25519ctx (RFC 8032 §5.1, with a context), another
    // scheme with the same key and signature sizes
    byte[] withContext = new byte[64];
    new Ed25519PrivateKeyParameters(HEX.parseHex(SEED), 0)
        .sign(
            org.bouncycastle.math.ec.rfc8032.Ed25519.Algorithm.Ed25519ctx,
            "aurelius".getBytes(StandardCharsets.US_ASCII),
            MESSAGE,
            0,
            MESSAGE.length,
            withContext,
            0);
    assertThat(withContext).isNotEqualTo(HEX.parseHex(SIGNATURE));
    assertThat(verifier.verify(PAIR.publicKey(), MESSAGE, withContext)).isFalse();
    // a 33-byte compressed secp256k1 key (ecdsa): not an Ed25519 key, so no, not an exception
    byte[] compressed = new byte[33];
    compressed[0] = 0x02;
    assertThat(verifier.verify(compressed, MESSAGE, HEX.parseHex(SIGNATURE))).isFalse();
    assertThat(verifier.verify(new byte[0], MESSAGE, HEX.parseHex(SIGNATURE))).isFalse();
  }

  @Test
  void schemeLookupFindsEd25519ByNameAndWireId() {
    assertThat(KeyScheme.fromWireName("ed25519")).isEqualTo(KeyScheme.ED25519);
    assertThat(KeyScheme.fromWireId(0)).isEqualTo(KeyScheme.ED25519);
    assertThat(KeyScheme.ED25519.wireName()).isEqualTo("ed25519");
    assertThat(KeyScheme.ED25519.publicKeyLength()).isEqualTo(32);
    assertThat(KeyScheme.ED25519.signatureLength()).isEqualTo(64);
    assertThat(KeyScheme.ED25519).hasToString("ed25519");
  }

  @Test
  void schemeLookupRefusesUnknownSchemesInOneLine() {
    assertThatThrownBy(() -> KeyScheme.fromWireName("ecdsa"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("key scheme 'ecdsa': unknown (expected: one of ed25519, sr25519)");
    assertThatThrownBy(() -> KeyScheme.fromWireName("ED25519"))
        .hasMessage("key scheme 'ED25519': unknown (expected: one of ed25519, sr25519)");
    assertThatThrownBy(() -> KeyScheme.fromWireId(2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("key scheme id 2: unknown (expected: one of 0 (ed25519), 1 (sr25519))");
    assertThatThrownBy(() -> KeyScheme.fromWireName("x".repeat(200)))
        .hasMessageNotContaining("\n")
        .hasMessageContaining("…");
  }

  @Test
  void publicKeyOfAWrongLengthIsRefusedWithAReason() {
    assertThatThrownBy(() -> KeyScheme.ED25519.publicKey(new byte[33]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Ed25519 public key: 33 bytes (expected: 32)");
  }
}
