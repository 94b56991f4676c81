package io.aurelius.core.protocol.btauth;

import static io.aurelius.core.protocol.btauth.BtAuthFixtures.ALICE_ED;
import static io.aurelius.core.protocol.btauth.BtAuthFixtures.ALICE_ED_SS58;
import static io.aurelius.core.protocol.btauth.BtAuthFixtures.ALICE_SR;
import static io.aurelius.core.protocol.btauth.BtAuthFixtures.ALICE_SR_SS58;
import static io.aurelius.core.protocol.btauth.BtAuthFixtures.BOB_SR;
import static io.aurelius.core.protocol.btauth.BtAuthFixtures.BOB_SS58;
import static io.aurelius.core.protocol.btauth.BtAuthFixtures.BODY;
import static io.aurelius.core.protocol.btauth.BtAuthFixtures.METHOD;
import static io.aurelius.core.protocol.btauth.BtAuthFixtures.NONCE;
import static io.aurelius.core.protocol.btauth.BtAuthFixtures.TARGET;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.crypto.Verifier;
import io.aurelius.core.identity.wallet.AccountId;
import io.aurelius.core.protocol.ManualProtocolClock;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The guide's golden vectors (testdata/bittensor/vectors.json, btauth1). */
class BtAuthVectorsTest {
  private static final JsonNode VECTOR = BtAuthFixtures.vectors().get("vector");

  @Test
  void fixturesAreTheGuidesKeys() {
    assertThat(address(ALICE_SR.publicKey().bytes())).isEqualTo(ALICE_SR_SS58);
    assertThat(address(ALICE_ED.publicKey().bytes())).isEqualTo(ALICE_ED_SS58);
    assertThat(address(BOB_SR.publicKey().bytes())).isEqualTo(BOB_SS58);
    assertThat(VECTOR.get("receiver_ss58").asText()).isEqualTo(BOB_SS58);
    assertThat(VECTOR.get("sr25519").get("sender_ss58").asText()).isEqualTo(ALICE_SR_SS58);
    assertThat(VECTOR.get("ed25519").get("sender_ss58").asText()).isEqualTo(ALICE_ED_SS58);
    assertThat(VECTOR.get("body_utf8").asText().getBytes(StandardCharsets.UTF_8)).isEqualTo(BODY);
    assertThat(VECTOR.get("nonce").asText()).isEqualTo(Long.toString(NONCE));
  }

  @Test
  void bodyHash() {
    assertThat(BtAuthPayload.sha256Hex(BODY)).isEqualTo(VECTOR.get("body_sha256").asText());
  }

  @Test
  void sr25519PayloadBytes() {
    BtAuthPayload payload =
        BtAuthPayload.of(KeyScheme.SR25519, METHOD, TARGET, BODY, NONCE, ALICE_SR_SS58, BOB_SS58);
    assertThat(new String(payload.bytes(), StandardCharsets.UTF_8))
        .isEqualTo(VECTOR.get("sr25519").get("payload").asText());
  }

  @Test
  void ed25519PayloadBytes() {
    BtAuthPayload payload =
        BtAuthPayload.of(KeyScheme.ED25519, METHOD, TARGET, BODY, NONCE, ALICE_ED_SS58, BOB_SS58);
    assertThat(new String(payload.bytes(), StandardCharsets.UTF_8))
        .isEqualTo(VECTOR.get("ed25519").get("payload").asText());
  }

  @Test
  void lowercaseMethodIsSignedUppercase() {
    BtAuthPayload payload =
        BtAuthPayload.of(KeyScheme.SR25519, "post", TARGET, BODY, NONCE, ALICE_SR_SS58, BOB_SS58);
    assertThat(new String(payload.bytes(), StandardCharsets.UTF_8))
        .isEqualTo(VECTOR.get("sr25519").get("payload").asText());
  }

  @Test
  void unboundPayloadEndsInDash() {
    BtAuthPayload payload =
        BtAuthPayload.of(KeyScheme.SR25519, METHOD, TARGET, BODY, NONCE, ALICE_SR_SS58, null);
    String text = new String(payload.bytes(), StandardCharsets.UTF_8);
    assertThat(text).endsWith("\n" + ALICE_SR_SS58 + "\n-").doesNotEndWith("\n");
    assertThat(text.split("\n", -1)).hasSize(8);
  }

  /** Ed25519 is deterministic: our signer reproduces the guide's signature and headers exactly. */
  @Test
  void ed25519SignatureIsTheGuides() {
    String expected = VECTOR.get("ed25519").get("signature").asText();
    BtAuthHeaders headers =
        new BtAuthSigner(ALICE_ED, BtAuthFixtures.firstNonce(NONCE))
            .sign(METHOD, TARGET, BODY, BOB_SS58);
    assertThat(headers.asMap())
        .containsExactly(
            Map.entry("X-Bittensor-Version", "1"),
            Map.entry("X-Bittensor-Hotkey", ALICE_ED_SS58),
            Map.entry("X-Bittensor-Nonce", "1752076800000000000"),
            Map.entry("X-Bittensor-Signature", expected),
            Map.entry("X-Bittensor-Crypto", "ed25519"),
            Map.entry("X-Bittensor-Receiver", BOB_SS58));
    byte[] payload = VECTOR.get("ed25519").get("payload").asText().getBytes(StandardCharsets.UTF_8);
    assertThat(
            Verifier.of(KeyScheme.ED25519)
                .verify(ALICE_ED.publicKey(), payload, HexFormat.of().parseHex(expected, 2, 130)))
        .isTrue();
  }

  @Test
  void ed25519GoldenSignatureVerifies() {
    String signature = VECTOR.get("ed25519").get("signature").asText();
    BtAuthVerifier verifier =
        BtAuthVerifier.withDefaults(
            BOB_SS58,
            SchemePins.of(Map.of(ALICE_ED_SS58, KeyScheme.ED25519)),
            new ManualProtocolClock(NONCE + 1_000_000));
    Map<String, String> headers =
        Map.of(
            "X-Bittensor-Version",
            "1",
            "X-Bittensor-Hotkey",
            ALICE_ED_SS58,
            "X-Bittensor-Receiver",
            BOB_SS58,
            "X-Bittensor-Nonce",
            "1752076800000000000",
            "X-Bittensor-Crypto",
            "ed25519",
            "X-Bittensor-Signature",
            signature);
    assertThat(verifier.verify(BtAuthHeaders.lookup(headers), METHOD, TARGET, BODY))
        .isEqualTo(new BtAuthResult.Accepted(ALICE_ED_SS58, KeyScheme.ED25519, NONCE));
  }

  /** sr25519 is randomized: sign the vector's payload, verify it, and omit the crypto header. */
  @Test
  void sr25519SignsAndVerifiesTheVectorPayload() {
    BtAuthHeaders headers =
        new BtAuthSigner(ALICE_SR, BtAuthFixtures.firstNonce(NONCE))
            .sign(METHOD, TARGET, BODY, BOB_SS58);
    assertThat(headers.asMap()).doesNotContainKey("X-Bittensor-Crypto");
    byte[] payload = VECTOR.get("sr25519").get("payload").asText().getBytes(StandardCharsets.UTF_8);
    assertThat(
            Verifier.of(KeyScheme.SR25519)
                .verify(ALICE_SR.publicKey(), payload, headers.signature()))
        .isTrue();
    BtAuthVerifier verifier =
        BtAuthVerifier.withDefaults(
            BOB_SS58, SchemePins.all(KeyScheme.SR25519), new ManualProtocolClock(NONCE));
    assertThat(verifier.verify(BtAuthHeaders.lookup(headers.asMap()), METHOD, TARGET, BODY))
        .isEqualTo(new BtAuthResult.Accepted(ALICE_SR_SS58, KeyScheme.SR25519, NONCE));
  }

  private static String address(byte[] key) {
    return AccountId.of(key).ss58Address();
  }
}
