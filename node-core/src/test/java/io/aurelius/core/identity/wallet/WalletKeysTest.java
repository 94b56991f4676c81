package io.aurelius.core.identity.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.crypto.Signer;
import io.aurelius.core.identity.KeyStoreException;
import io.aurelius.core.identity.wallet.SecretMaterial.ExpandedSecret;
import io.aurelius.core.identity.wallet.SecretMaterial.MiniSecret;
import io.aurelius.core.identity.wallet.SecretMaterial.Phrase;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Signers from keyfile secrets and new keyfiles, pinned to the values bittensor-wallet 4.1.1 wrote
 * into the fixture wallet (see {@link WalletFixtures} and resources/wallet/README.md).
 */
class WalletKeysTest {
  private static byte[] hex(String value) {
    return HexFormat.of().parseHex(value.substring(2));
  }

  private static AccountId account(String hex) {
    return AccountId.of(hex(hex));
  }

  @Test
  void aPhraseGivesTheKeyfileTheSdkWrote() {
    KeyfileData data =
        WalletKeys.fromPhrase(CryptoType.SR25519, WalletFixtures.PHRASE.toCharArray());
    assertThat(data.account().hex()).isEqualTo(WalletFixtures.COLD_PUBLIC);
    assertThat(data.account().ss58Address()).isEqualTo(WalletFixtures.COLD_SS58);
    assertThat(data.secretSeed().orElseThrow().bytes()).isEqualTo(hex(WalletFixtures.COLD_SEED));
    assertThat(((SecretBytes) data.privateKey().orElseThrow()).bytes())
        .isEqualTo(hex(WalletFixtures.COLD_PRIVATE));
    assertThat(data.cryptoType()).contains(CryptoType.SR25519);
  }

  @Test
  void everySecretFormGivesTheSameSignerOfTheAccount() {
    AccountId cold = account(WalletFixtures.COLD_PUBLIC);
    SecretMaterial[] secrets = {
      Phrase.of(WalletFixtures.PHRASE.toCharArray()),
      MiniSecret.of(hex(WalletFixtures.COLD_SEED)),
      ExpandedSecret.of(hex(WalletFixtures.COLD_PRIVATE))
    };
    byte[] message = "aurelius".getBytes(StandardCharsets.UTF_8);
    for (SecretMaterial secret : secrets) {
      Signer signer = WalletKeys.signer(new KeyMaterial(CryptoType.SR25519, cold, secret), "f");
      assertThat(signer.scheme()).isEqualTo(KeyScheme.SR25519);
      assertThat(AccountId.of(signer.publicKey().bytes())).isEqualTo(cold);
      assertThat(
              signer.scheme().verifier().verify(signer.publicKey(), message, signer.sign(message)))
          .isTrue();
    }
    Signer ed =
        WalletKeys.signer(
            new KeyMaterial(
                CryptoType.ED25519,
                account(WalletFixtures.ED_PUBLIC),
                MiniSecret.of(hex(WalletFixtures.ED_SEED))),
            "f");
    assertThat(ed.scheme()).isEqualTo(KeyScheme.ED25519);
    assertThat(AccountId.of(ed.publicKey().bytes()).ss58Address())
        .isEqualTo(WalletFixtures.ED_SS58);
  }

  @Test
  void aSecretOfAnotherAccountIsCorrupted() {
    KeyMaterial wrong =
        new KeyMaterial(
            CryptoType.SR25519,
            account(WalletFixtures.HOT_PUBLIC),
            MiniSecret.of(hex(WalletFixtures.COLD_SEED)));
    assertThatThrownBy(() -> WalletKeys.signer(wrong, "/w/hotkeys/miner"))
        .isInstanceOf(KeyStoreException.class)
        .hasMessage(
            "/w/hotkeys/miner: the secret is the key of "
                + WalletFixtures.COLD_SS58
                + ", the file names "
                + WalletFixtures.HOT_SS58
                + " (expected: the same account)")
        .extracting(e -> ((KeyStoreException) e).reason())
        .isEqualTo(KeyStoreException.Reason.CORRUPTED);
    KeyMaterial sameSeedOtherScheme =
        new KeyMaterial(
            CryptoType.ED25519,
            account(WalletFixtures.COLD_PUBLIC),
            MiniSecret.of(hex(WalletFixtures.COLD_SEED)));
    assertThatThrownBy(() -> WalletKeys.signer(sameSeedOtherScheme, "f"))
        .isInstanceOf(KeyStoreException.class);
  }

  @Test
  void newKeysHoldAPhraseThatRegeneratesThem() {
    for (CryptoType type : CryptoType.values()) {
      KeyfileData data = WalletKeys.generate(type);
      char[] words = data.secretPhrase().orElseThrow().chars();
      assertThat(new String(words).split(" ")).hasSize(12);
      assertThat(WalletKeys.fromPhrase(type, words).account()).isEqualTo(data.account());
      assertThat(
              AccountId.of(
                  WalletKeys.signer(data.keyMaterial().orElseThrow(), "f").publicKey().bytes()))
          .isEqualTo(data.account());
      assertThat(data.toString()).doesNotContain(new String(words));
    }
    assertThatThrownBy(
            () ->
                WalletKeys.fromPhrase(
                    CryptoType.SR25519,
                    WalletFixtures.PHRASE.replace("walk", "talk").toCharArray()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("bottom");
  }
}
