package io.aurelius.validator.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonLimits;
import org.junit.jupiter.api.Test;

/**
 * The verdict wire format with a probability of acceptance: a verdict signed before the probability
 * existed (pinned bytes, signed by the earlier code) still verifies and reads back unchanged; the
 * probability, when present, is signed, so changing it breaks the signature.
 */
class SignedVerdictTest {
  private static final Ed25519KeyPair SIGNER = key(1);
  private static final KeyId OTHER = KeyId.of(key(2).publicKey());
  private static final String AENE = "ab".repeat(32);

  /** Signed by main before this change: {@code SignedVerdict.sign(7, AENE, OTHER, OTHER, …)}. */
  private static final String V1 =
      "{\"epoch\":7,\"aene\":\""
          + AENE
          + "\","
          + "\"proposer\":\"5Go1T75j7FyzZLTp9zMDUiBuqVzotdDXLizHP7oA6no7qbi8\","
          + "\"miner\":\"5Go1T75j7FyzZLTp9zMDUiBuqVzotdDXLizHP7oA6no7qbi8\","
          + "\"approve\":true,\"dlv\":0.625,"
          + "\"validator\":\"5G2UPsHZAv3eGZMxMHNBEDF31k64MWH33tPFWP9YepQxKFVQ\","
          + "\"signature\":\"Vs0OlLDHnLlFiDkCgJHp83/zAkkmLCKaNMT2FUcF5oNRl+n9zAxBIvu6W4vpUO5h"
          + "9Rjk26Jz+II3Px9nj433AA==\"}";

  @Test
  void aVerdictSignedBeforeForecastsStillVerifiesAndForecastsItsYesAtTheClamp() {
    SignedVerdict old = SignedVerdict.fromJson(Json.parse(V1, "v1", JsonLimits.UNTRUSTED), "v1");
    assertThat(old.verifies()).isTrue();
    assertThat(old.acceptance()).isEmpty();
    assertThat(old.forecast()).isEqualTo(0.99);
    assertThat(old.toJson().toString()).isEqualTo(V1);
    SignedVerdict again = SignedVerdict.sign(7, AENE, OTHER, OTHER, true, 0.625, SIGNER);
    assertThat(again.signature())
        .as("no forecast: the same signed bytes")
        .isEqualTo(old.signature());
  }

  @Test
  void theForecastIsSignedAndReadBack() {
    SignedVerdict v = SignedVerdict.sign(7, AENE, OTHER, OTHER, false, 0.3, 0.1234567, SIGNER);
    assertThat(v.acceptance()).hasValue(0.123457);
    assertThat(v.forecast()).isEqualTo(0.123457);
    SignedVerdict read = SignedVerdict.fromJson(v.toJson(), "v");
    assertThat(read).isEqualTo(v);
    assertThat(read.verifies()).isTrue();
    ObjectNode tampered = v.toJson().put("acceptance", 0.9);
    assertThat(SignedVerdict.fromJson(tampered, "v").verifies()).isFalse();
    ObjectNode dropped = v.toJson();
    dropped.remove("acceptance");
    assertThat(SignedVerdict.fromJson(dropped, "v").verifies()).isFalse();
  }

  @Test
  void aForecastIsClampedWhenSignedAndRefusedOutsideTheClampWhenRead() {
    assertThat(SignedVerdict.sign(7, AENE, OTHER, OTHER, true, 1, 1.0, SIGNER).forecast())
        .isEqualTo(0.99);
    ObjectNode bad =
        SignedVerdict.sign(7, AENE, OTHER, OTHER, true, 1, 0.5, SIGNER)
            .toJson()
            .put("acceptance", 1.0);
    assertThatThrownBy(() -> SignedVerdict.fromJson(bad, "v"))
        .hasMessage("v: verdict.acceptance: 1.0 (expected: 0.01..0.99)");
    ObjectNode text =
        SignedVerdict.sign(7, AENE, OTHER, OTHER, true, 1, 0.5, SIGNER)
            .toJson()
            .put("acceptance", "high");
    assertThatThrownBy(() -> SignedVerdict.fromJson(text, "v"))
        .hasMessage("v.acceptance: STRING (expected: a probability)");
  }

  private static Ed25519KeyPair key(int label) {
    byte[] seed = new byte[32];
    for (int i = 0; i < 32; i++) {
      seed[i] = (byte) (label * 31 + i);
    }
    return Ed25519KeyPair.fromSeed(seed);
  }
}
