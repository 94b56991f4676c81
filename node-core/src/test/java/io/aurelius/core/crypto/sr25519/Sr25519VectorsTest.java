package io.aurelius.core.crypto.sr25519;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.identity.KeyId;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Every sr25519 and ed25519 identity vector in {@code testdata/bittensor/vectors.json}. */
class Sr25519VectorsTest {
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void miniSecretToPublic() {
    int checked = 0;
    for (JsonNode v : BittensorVectors.group("sr25519_mini_secret_to_public")) {
      byte[] mini =
          v.has("mini_secret_hex")
              ? HEX.parseHex(v.get("mini_secret_hex").asText())
              : v.get("mini_secret_utf8").asText().getBytes(StandardCharsets.UTF_8);
      Sr25519SecretKey key = Sr25519SecretKey.fromMiniSecret(mini);
      assertThat(HEX.formatHex(key.publicKey()))
          .as(v.get("source").asText())
          .isEqualTo(v.get("public_hex").asText());
      checked++;
    }
    assertThat(checked).isEqualTo(3);
  }

  @Test
  void hardDerivation() {
    int checked = 0;
    for (JsonNode v : BittensorVectors.group("sr25519_hard_derivation")) {
      Sr25519SecretKey root =
          Sr25519SecretKey.fromMiniSecret(HEX.parseHex(v.get("mini_secret_hex").asText()));
      Sr25519SecretKey derived = root;
      for (DeriveJunction j : DeriveJunction.parsePath(v.get("path").asText())) {
        derived = derived.deriveHard(j.chainCode());
      }
      if (v.has("public_hex")) {
        assertThat(HEX.formatHex(derived.publicKey())).isEqualTo(v.get("public_hex").asText());
      }
      assertThat(ss58(derived.publicKey()))
          .as(v.get("path").asText())
          .isEqualTo(v.get("ss58_42").asText());
      checked++;
    }
    assertThat(checked).isEqualTo(2);
  }

  @Test
  void verify() {
    int checked = 0;
    for (JsonNode v : BittensorVectors.group("sr25519_verify")) {
      boolean valid =
          Sr25519.verify(
              HEX.parseHex(v.get("public_hex").asText()),
              v.get("message_utf8").asText().getBytes(StandardCharsets.UTF_8),
              HEX.parseHex(v.get("signature_hex").asText()));
      assertThat(valid).as(v.get("source").asText()).isEqualTo(v.get("valid").asBoolean());
      checked++;
    }
    assertThat(checked).isEqualTo(3);
  }

  @Test
  void ed25519HardDerivation() {
    int checked = 0;
    for (JsonNode v : BittensorVectors.group("ed25519_hard_derivation")) {
      byte[] seed =
          Ed25519Hdkd.derive(
              HEX.parseHex(v.get("mini_secret_hex").asText()),
              DeriveJunction.parsePath(v.get("path").asText()));
      byte[] publicKey = Ed25519KeyPair.fromSeed(seed).publicKey().bytes();
      assertThat(ss58(publicKey)).isEqualTo(v.get("ss58_42").asText());
      checked++;
    }
    assertThat(checked).isEqualTo(1);
  }

  /** polkadot-sdk sr25519.rs @038b513d {@code derive_soft_known_pair_should_work}. */
  @Test
  void softDerivationOfTheDevPhrase() {
    byte[] mini = SubstrateMnemonic.miniSecret(SubstrateMnemonicTest.DEV_PHRASE, "");
    Sr25519SecretKey root = Sr25519SecretKey.fromMiniSecret(mini);
    byte[] cc = DeriveJunction.parsePath("/Alice").get(0).chainCode();
    Sr25519SecretKey alice = root.deriveSoft(cc, new SecureRandom());
    String known = "d6c71059dbbe9ad2b0ed3f289738b800836eb425544ce694825285b958ca755e";
    assertThat(HEX.formatHex(alice.publicKey())).isEqualTo(known);
    assertThat(HEX.formatHex(Sr25519.deriveSoftPublic(root.publicKey(), cc))).isEqualTo(known);
  }

  /**
   * polkadot-sdk sr25519.rs @038b513d {@code verify_from_old_wasm_works}: another signature without
   * the marker bit, by the key of the all-zero mini secret; current verify rejects it.
   */
  @Test
  void rejectsAnOldWasmSignatureWithoutTheMarker() {
    Sr25519SecretKey key = Sr25519SecretKey.fromMiniSecret(new byte[32]);
    byte[] sig =
        HEX.parseHex(
            "28a854d54903e056f89581c691c1f7d2ff39f8f896c9e9c22475e60902cc2b35"
                + "47199e0e91fa32902028f2ca2355e8cdd16cfe19ba5e8b658c94aa80f3b81a00");
    byte[] message = "SUBSTRATE".getBytes(StandardCharsets.US_ASCII);
    assertThat(Sr25519.verify(key.publicKey(), message, sig)).isFalse();
  }

  static String ss58(byte[] publicKey) {
    return KeyId.of(io.aurelius.core.crypto.Ed25519PublicKey.fromBytes(publicKey)).address();
  }
}
