package io.aurelius.core.identity.wallet;

import static io.aurelius.core.identity.wallet.WalletFixtures.CHEAP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurelius.core.identity.KeyStoreException;
import io.aurelius.core.identity.KeyStoreException.Reason;
import io.aurelius.core.identity.wallet.SecretMaterial.MiniSecret;
import io.aurelius.core.identity.wallet.SecretMaterial.Phrase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BittensorWalletTest {
  @TempDir Path wallets;

  @Test
  void layoutAndDefaultDirectory() {
    BittensorWallet wallet = new BittensorWallet(wallets, "owner");
    assertThat(wallet.coldkeyPath()).isEqualTo(wallets.resolve("owner/coldkey"));
    assertThat(wallet.coldkeypubPath()).isEqualTo(wallets.resolve("owner/coldkeypub.txt"));
    assertThat(wallet.hotkeyPath("miner")).isEqualTo(wallets.resolve("owner/hotkeys/miner"));
    assertThat(wallet.hotkeypubPath("miner"))
        .isEqualTo(wallets.resolve("owner/hotkeys/minerpub.txt"));
    assertThat(BittensorWallet.defaultWalletsDirectory())
        .isEqualTo(Path.of(System.getProperty("user.home"), ".bittensor", "wallets"));
    assertThatThrownBy(() -> new BittensorWallet(wallets, "../x"))
        .hasMessageStartingWith("wallet name '../x': not a file name");
    assertThatThrownBy(() -> wallet.hotkeyPath(".."))
        .hasMessageStartingWith("hotkey name '..': not a file name");
  }

  @Test
  void readsTheHotkeysAndPublicFilesBittensorWalletWrote() throws IOException {
    WalletFixtures.copyWallet(wallets);
    BittensorWallet wallet = new BittensorWallet(wallets, "fixture");
    assertThat(wallet.hotkeyNames()).containsExactly("edminer", "miner");
    assertThat(wallet.coldkeyEncryption()).isEqualTo(KeyfileEncryption.NACL);
    KeyfileData coldkeypub = wallet.readColdkeypub();
    assertThat(coldkeypub.account().ss58Address()).isEqualTo(WalletFixtures.COLD_SS58);
    assertThat(coldkeypub.hasSecret()).isFalse();
    KeyfileData hotkey = wallet.readHotkey("miner");
    assertThat(hotkey.account().ss58Address()).isEqualTo(WalletFixtures.HOT_SS58);
    assertThat(hotkey.preferredSecret().orElseThrow()).isInstanceOf(MiniSecret.class);
    assertThat(hex(hotkey.secretSeed().orElseThrow().bytes())).isEqualTo(WalletFixtures.HOT_SEED);
    assertThat(wallet.readHotkeypub("miner").account()).isEqualTo(hotkey.account());
    KeyfileData ed = wallet.readHotkey("edminer");
    assertThat(ed.scheme()).isEqualTo(CryptoType.ED25519);
    assertThat(ed.account().hex()).isEqualTo(WalletFixtures.ED_PUBLIC);
    assertThatThrownBy(() -> wallet.readHotkey("absent"))
        .isInstanceOf(KeyStoreException.class)
        .hasMessage(wallet.hotkeyPath("absent") + ": no such keyfile")
        .satisfies(e -> assertThat(((KeyStoreException) e).reason()).isEqualTo(Reason.NOT_FOUND));
  }

  /**
   * The real format end to end: Argon2i with libsodium's sensitive limits (512 MiB, 8 passes),
   * opening a coldkey bittensor-wallet encrypted and one PyNaCl sealed as the SDK does.
   */
  @Test
  void decryptsNaclColdkeysWrittenByBittensorWalletAndPyNacl() throws IOException {
    WalletFixtures.copyWallet(wallets);
    BittensorWallet wallet = new BittensorWallet(wallets, "fixture");
    KeyfileData coldkey = wallet.readColdkey(WalletFixtures.password());
    assertThat(coldkey.account().ss58Address()).isEqualTo(WalletFixtures.COLD_SS58);
    assertThat(new String(((Phrase) coldkey.preferredSecret().orElseThrow()).chars()))
        .isEqualTo(WalletFixtures.PHRASE);
    KeyfileData plain =
        Keyfile.parseJson(WalletFixtures.resource("coldkey.plain.json"), "coldkey.plain.json");
    assertThat(coldkey).isEqualTo(plain);

    Path pynacl = wallets.resolve("coldkey.pynacl.nacl");
    Files.write(pynacl, WalletFixtures.resource("coldkey.pynacl.nacl"));
    assertThat(Keyfile.read(pynacl, WalletFixtures.password())).isEqualTo(plain);
  }

  @Test
  void aWrongPassphraseIsRefusedAndChangesNothing() throws IOException {
    BittensorWallet wallet = new BittensorWallet(wallets, "owner", CHEAP);
    KeyfileData coldkey =
        Keyfile.parseJson(WalletFixtures.resource("coldkey.plain.json"), "coldkey.plain.json");
    wallet.writeColdkey(coldkey, WalletFixtures.password(), false);
    byte[] before = Files.readAllBytes(wallet.coldkeyPath());
    assertThatThrownBy(() -> wallet.readColdkey("correct horse".toCharArray()))
        .isInstanceOf(KeyStoreException.class)
        .hasMessage(
            wallet.coldkeyPath()
                + ": wrong passphrase, or the $NACL keyfile is truncated or altered"
                + " (the secretbox did not open)")
        .satisfies(
            e -> assertThat(((KeyStoreException) e).reason()).isEqualTo(Reason.WRONG_PASSPHRASE));
    assertThat(Files.readAllBytes(wallet.coldkeyPath())).isEqualTo(before);
    try (var files = Files.list(wallet.directory())) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("coldkey", "coldkeypub.txt");
    }
  }

  @Test
  void writeThenReadRoundTripsWithOwnerOnlyFiles() throws IOException {
    BittensorWallet wallet = new BittensorWallet(wallets, "owner", CHEAP);
    KeyfileData coldkey =
        Keyfile.parseJson(WalletFixtures.resource("coldkey.plain.json"), "coldkey.plain.json");
    wallet.writeColdkey(coldkey, WalletFixtures.password(), false);
    KeyfileData hotkey =
        KeyfileData.of(
            AccountId.fromSs58(WalletFixtures.HOT_SS58),
            CryptoType.SR25519,
            MiniSecret.of(HexFormat.of().parseHex(WalletFixtures.HOT_SEED.substring(2))));
    wallet.writeHotkey("miner", hotkey, false);

    assertThat(Keyfile.encryption(Files.readAllBytes(wallet.coldkeyPath())))
        .isEqualTo(KeyfileEncryption.NACL);
    assertThat(Keyfile.encryption(Files.readAllBytes(wallet.hotkeyPath("miner"))))
        .isEqualTo(KeyfileEncryption.NONE);
    assertThat(wallet.readColdkey(WalletFixtures.password())).isEqualTo(coldkey);
    assertThat(wallet.readColdkeypub()).isEqualTo(coldkey.publicOnly());
    assertThat(wallet.readHotkey("miner")).isEqualTo(hotkey);
    assertThat(wallet.readHotkeypub("miner")).isEqualTo(hotkey.publicOnly());
    for (Path file :
        new Path[] {
          wallet.coldkeyPath(),
          wallet.coldkeypubPath(),
          wallet.hotkeyPath("miner"),
          wallet.hotkeypubPath("miner")
        }) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .as(file.toString())
          .isEqualTo("rw-------");
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(wallet.directory())))
        .isEqualTo("rwx------");
    try (var files = Files.list(wallet.directory())) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("no temporary file is left behind")
          .containsExactlyInAnyOrder("coldkey", "coldkeypub.txt", "hotkeys");
    }

    // An encrypted hotkey is read with its passphrase.
    wallet.writeHotkey("sealed", hotkey, "hot".toCharArray(), false);
    assertThat(wallet.readHotkey("sealed", "hot".toCharArray())).isEqualTo(hotkey);
    assertThatThrownBy(() -> wallet.readHotkey("sealed"))
        .hasMessage(wallet.hotkeyPath("sealed") + ": encrypted ($NACL) (expected: a passphrase)");
  }

  @Test
  void nothingIsReplacedUnlessAsked() {
    BittensorWallet wallet = new BittensorWallet(wallets, "owner", CHEAP);
    KeyfileData coldkey =
        Keyfile.parseJson(WalletFixtures.resource("coldkey.plain.json"), "coldkey.plain.json");
    wallet.writeColdkey(coldkey, WalletFixtures.password(), false);
    KeyfileData other =
        KeyfileData.of(
            AccountId.fromSs58(WalletFixtures.HOT_SS58),
            CryptoType.SR25519,
            MiniSecret.of(new byte[32]));
    assertThatThrownBy(() -> wallet.writeColdkey(other, WalletFixtures.password(), false))
        .isInstanceOf(KeyStoreException.class)
        .hasMessage(wallet.coldkeyPath() + ": exists (expected: overwrite to replace it)");
    assertThat(wallet.readColdkey(WalletFixtures.password())).isEqualTo(coldkey);
    wallet.writeColdkey(other, WalletFixtures.password(), true);
    assertThat(wallet.readColdkey(WalletFixtures.password()).account()).isEqualTo(other.account());
    assertThatThrownBy(
            () -> wallet.writeColdkey(coldkey.publicOnly(), WalletFixtures.password(), true))
        .hasMessage("coldkey: no secret (expected: a phrase, a seed or a private key)");
  }

  @Test
  void aColdkeyThatIsNotColdkeypubsIsRefused() {
    BittensorWallet wallet = new BittensorWallet(wallets, "owner", CHEAP);
    KeyfileData coldkey =
        Keyfile.parseJson(WalletFixtures.resource("coldkey.plain.json"), "coldkey.plain.json");
    wallet.writeColdkey(coldkey, WalletFixtures.password(), false);
    Keyfile.write(
        wallet.coldkeypubPath(),
        KeyfileData.publicOnly(AccountId.fromSs58(WalletFixtures.HOT_SS58), CryptoType.SR25519),
        true);
    assertThatThrownBy(() -> wallet.readColdkey(WalletFixtures.password()))
        .isInstanceOf(KeyStoreException.class)
        .hasMessage(
            wallet.coldkeyPath()
                + ": account "
                + WalletFixtures.COLD_SS58
                + " is not coldkeypub.txt's "
                + WalletFixtures.HOT_SS58
                + " (expected: the same key)");
  }

  private static String hex(byte[] bytes) {
    return "0x" + HexFormat.of().formatHex(bytes);
  }
}
