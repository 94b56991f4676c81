package io.aurelius.core.crypto.sr25519;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SubstrateMnemonicTest {
  /** Substrate's {@code DEV_PHRASE} (sp_core::crypto). */
  static final String DEV_PHRASE =
      "bottom drive obey lake curtain smoke basket hold race lonely fit walk";

  /** The dev phrase's mini secret, the seed of every vectors.json derivation group. */
  @Test
  void devPhraseGivesTheKnownMiniSecret() {
    assertThat(HexFormat.of().formatHex(SubstrateMnemonic.miniSecret(DEV_PHRASE, "")))
        .isEqualTo("fac7959dbfe72f052e5a0c3c8d6530f202b02fd8f9f5ca3580ec8deb7797479e");
  }

  /** The resource is BIP39's english.txt byte for byte (bitcoin/bips, its published SHA-256). */
  @Test
  void wordListIsTheBip39EnglishList() throws Exception {
    try (InputStream in = SubstrateMnemonic.class.getResourceAsStream("bip39-english.txt")) {
      byte[] sha = MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
      assertThat(HexFormat.of().formatHex(sha))
          .isEqualTo("2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda");
    }
  }

  /** BIP39's first published vector: all-zero entropy is "abandon" ×11 then "about". */
  @Test
  void phraseAndEntropyRoundTrip() {
    String zero = "abandon ".repeat(11) + "about";
    assertThat(SubstrateMnemonic.phrase(new byte[16])).isEqualTo(zero);
    assertThat(SubstrateMnemonic.entropy(zero)).isEqualTo(new byte[16]);
    byte[] e =
        HexFormat.of().parseHex("7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f");
    assertThat(SubstrateMnemonic.entropy(SubstrateMnemonic.phrase(e))).isEqualTo(e);
    assertThat(SubstrateMnemonic.entropy(SubstrateMnemonic.phrase(new byte[20]))).hasSize(20);
  }

  @Test
  void rejectsBadChecksumUnknownWordsAndWrongCounts() {
    assertThatThrownBy(() -> SubstrateMnemonic.entropy("abandon ".repeat(12).strip()))
        .hasMessageContaining("checksum");
    assertThatThrownBy(() -> SubstrateMnemonic.entropy(DEV_PHRASE.replace("walk", "walks")))
        .hasMessageContaining("word 12");
    assertThatThrownBy(() -> SubstrateMnemonic.entropy("abandon about"))
        .hasMessageContaining("2 words");
  }

  @Test
  void passwordChangesTheMiniSecret() {
    assertThat(SubstrateMnemonic.miniSecret(DEV_PHRASE, "password"))
        .isNotEqualTo(SubstrateMnemonic.miniSecret(DEV_PHRASE, ""));
  }
}
