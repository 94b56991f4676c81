package io.aurelius.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** sr25519 through the signing seam: {@link KeyScheme#SR25519}, {@link Sr25519KeyPair}. */
class Sr25519SeamTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final String DEV_PHRASE =
      "bottom drive obey lake curtain smoke basket hold race lonely fit walk";
  private static final String DEV_MINI_SECRET =
      "fac7959dbfe72f052e5a0c3c8d6530f202b02fd8f9f5ca3580ec8deb7797479e";

  /** //Alice of the dev phrase (vectors.json sr25519_hard_derivation, sr25519_verify). */
  private static final String ALICE =
      "d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d";

  private static final byte[] ALICE_MESSAGE =
      ("I hereby verify that I control 5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY")
          .getBytes(StandardCharsets.UTF_8);
  private static final String ALICE_SIGNATURE =
      "1037eb7e51613d0dcf5930ae518819c87d655056605764840d9280984e1b7063"
          + "c4566b55bf292fcab07b369d01095879b50517beca4d26e6a65866e25fec0d83";

  private static final Sr25519KeyPair ALICE_PAIR =
      Sr25519KeyPair.fromMiniSecret(HEX.parseHex(DEV_MINI_SECRET)).derive("//Alice");
  private static final byte[] MESSAGE = "a message".getBytes(StandardCharsets.UTF_8);

  @Test
  void schemeHasSubstratesNameAndId() {
    assertThat(KeyScheme.fromWireName("sr25519")).isEqualTo(KeyScheme.SR25519);
    assertThat(KeyScheme.fromWireId(1)).isEqualTo(KeyScheme.SR25519);
    assertThat(KeyScheme.SR25519.publicKeyLength()).isEqualTo(32);
    assertThat(KeyScheme.SR25519.signatureLength()).isEqualTo(64);
    assertThat(KeyScheme.SR25519).hasToString("sr25519");
  }

  @Test
  void keyPairFromPhraseOrMiniSecretDerivesAlice() {
    assertThat(ALICE_PAIR.publicKey().hex()).isEqualTo(ALICE);
    assertThat(Sr25519KeyPair.fromPhrase(DEV_PHRASE, "").derive("//Alice").publicKey())
        .isEqualTo(ALICE_PAIR.publicKey());
    assertThat(ALICE_PAIR.scheme()).isEqualTo(KeyScheme.SR25519);
    assertThat(ALICE_PAIR.publicKey().scheme()).isEqualTo(KeyScheme.SR25519);
    assertThat(ALICE_PAIR.toString()).contains(ALICE);
  }

  @Test
  void verifierAcceptsThePublishedSignatureByBytesAndByKey() {
    Verifier verifier = Verifier.of(KeyScheme.SR25519);
    assertThat(verifier).isSameAs(KeyScheme.SR25519.verifier());
    assertThat(verifier.scheme()).isEqualTo(KeyScheme.SR25519);
    byte[] signature = HEX.parseHex(ALICE_SIGNATURE);
    assertThat(verifier.verify(HEX.parseHex(ALICE), ALICE_MESSAGE, signature)).isTrue();
    assertThat(verifier.verify(ALICE_PAIR.publicKey(), ALICE_MESSAGE, signature)).isTrue();
    VerifyingKey decoded = KeyScheme.SR25519.publicKey(HEX.parseHex(ALICE));
    assertThat(decoded).isEqualTo(ALICE_PAIR.publicKey());
    assertThat(verifier.verify(decoded, ALICE_MESSAGE, signature)).isTrue();
    assertThat(ALICE_PAIR.publicKey().verify(ALICE_MESSAGE, signature)).isTrue();
  }

  @Test
  void signerSignsRandomizedSignaturesThatVerify() {
    Signer signer = Sr25519KeyPair.generate();
    byte[] a = signer.sign(MESSAGE);
    byte[] b = signer.sign(MESSAGE);
    assertThat(a).hasSize(KeyScheme.SR25519.signatureLength()).isNotEqualTo(b);
    Verifier verifier = signer.scheme().verifier();
    assertThat(verifier.verify(signer.publicKey(), MESSAGE, a)).isTrue();
    assertThat(verifier.verify(signer.publicKey(), MESSAGE, b)).isTrue();
    assertThat(verifier.verify(signer.publicKey(), "another".getBytes(StandardCharsets.UTF_8), a))
        .isFalse();
    assertThat(verifier.verify(ALICE_PAIR.publicKey(), MESSAGE, a)).isFalse();
  }

  @Test
  void softDerivedSignerVerifies() {
    Sr25519KeyPair child = ALICE_PAIR.derive("/stash//0");
    assertThat(child.publicKey()).isNotEqualTo(ALICE_PAIR.publicKey());
    assertThat(
            Verifier.of(KeyScheme.SR25519).verify(child.publicKey(), MESSAGE, child.sign(MESSAGE)))
        .isTrue();
  }

  @Test
  void schemesDoNotVerifyEachOthersKeysOrSignatures() {
    Ed25519KeyPair ed = Ed25519KeyPair.fromSeed(new byte[32]);
    byte[] edSig = ed.sign(MESSAGE);
    byte[] srSig = ALICE_PAIR.sign(MESSAGE);
    assertThat(Verifier.of(KeyScheme.SR25519).verify(ed.publicKey(), MESSAGE, edSig)).isFalse();
    assertThat(Verifier.of(KeyScheme.ED25519).verify(ALICE_PAIR.publicKey(), MESSAGE, srSig))
        .isFalse();
    // the bytes alone: an Ed25519 signature has no schnorrkel marker or holds under no sr25519 key
    assertThat(Verifier.of(KeyScheme.SR25519).verify(ed.publicKey().bytes(), MESSAGE, edSig))
        .isFalse();
    assertThat(Verifier.of(KeyScheme.SR25519).verify(new byte[33], MESSAGE, srSig)).isFalse();
    assertThat(Verifier.of(KeyScheme.SR25519).verify(ALICE_PAIR.publicKey(), MESSAGE, null))
        .isFalse();
  }

  @Test
  void publicKeyOfAWrongLengthIsRefusedWithAReason() {
    assertThatThrownBy(() -> KeyScheme.SR25519.publicKey(new byte[33]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sr25519 public key: 33 bytes (expected: 32)");
  }
}
