package io.aurelius.node.cli.keys;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.crypto.Signer;
import io.aurelius.core.identity.KeyKind;
import io.aurelius.core.identity.wallet.AccountId;
import io.aurelius.core.identity.wallet.BittensorWallet;
import io.aurelius.core.identity.wallet.KeyfileData;
import io.aurelius.core.identity.wallet.WalletKeys;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.CommandFailedException;
import io.aurelius.node.cli.HomeOptions;
import io.aurelius.node.cli.UserInputException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Bittensor wallets as the commands use them: the node's own ({@code <home>/wallets}, named {@code
 * WALLET/HOTKEY} and {@code WALLET}, see {@link WalletKeyRef}) or any wallets folder, with wallet
 * errors turned into the CLI's exit codes like {@link CliKeys} does for the key store.
 */
public final class CliWallets {
  /** The node's wallets folder inside its home. */
  public static final String DIRECTORY = "wallets";

  private final Path directory;

  private CliWallets(Path directory) {
    this.directory = directory;
  }

  public static CliWallets open(HomeOptions home, CliContext context) {
    return at(home.home(context).resolve(DIRECTORY));
  }

  public static CliWallets at(Path directory) {
    return new CliWallets(requireNonNull(directory, "directory"));
  }

  public Path directory() {
    return directory;
  }

  /** The wallet {@code name} here; a name that is not one path element is bad input. */
  public BittensorWallet wallet(String name) {
    try {
      return new BittensorWallet(directory, name);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage(), e);
    }
  }

  /** True if the wallet has this hotkey, or (for a bare wallet name) a coldkey or coldkeypub. */
  boolean contains(WalletKeyRef ref) {
    BittensorWallet wallet = wallet(ref.wallet());
    if (ref.hotkey().isPresent()) {
      return Files.exists(hotkeyPath(wallet, ref.hotkey().get()));
    }
    return Files.exists(wallet.coldkeyPath()) || Files.exists(wallet.coldkeypubPath());
  }

  /** Every key in every wallet here: each wallet's coldkey, then its hotkeys, wallets sorted. */
  List<WalletEntry> list() {
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (!name.startsWith(".") && Files.isDirectory(entry)) {
          names.add(name);
        }
      }
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new CommandFailedException(directory + ": cannot list: " + e.getMessage(), e);
    }
    names.sort(null);
    List<WalletEntry> out = new ArrayList<>();
    for (String name : names) {
      BittensorWallet wallet = wallet(name);
      if (Files.exists(wallet.coldkeypubPath())) {
        out.add(entry(new WalletKeyRef(name, Optional.empty())));
      }
      for (String hotkey : CliKeys.call(wallet::hotkeyNames)) {
        out.add(entry(WalletKeyRef.hotkey(name, hotkey)));
      }
    }
    return out;
  }

  /** The key with this account, if a wallet here holds it. */
  Optional<WalletEntry> find(AccountId account) {
    return list().stream().filter(e -> e.account().equals(account)).findFirst();
  }

  /**
   * The public facts of a key: a hotkey's from its public file, or from the hotkey itself when it
   * is plain JSON; a coldkey's from {@code coldkeypub.txt}. Needs no passphrase.
   */
  WalletEntry entry(WalletKeyRef ref) {
    BittensorWallet wallet = wallet(ref.wallet());
    if (ref.hotkey().isEmpty()) {
      KeyfileData pub = CliKeys.call(wallet::readColdkeypub);
      return new WalletEntry(
          ref,
          KeyKind.COLDKEY,
          WalletEntry.scheme(pub.scheme()),
          pub.account(),
          wallet.coldkeyPath());
    }
    String hotkey = ref.hotkey().get();
    Path file = hotkeyPath(wallet, hotkey);
    KeyfileData pub;
    if (Files.exists(wallet.hotkeypubPath(hotkey))) {
      pub = CliKeys.call(() -> wallet.readHotkeypub(hotkey));
    } else if (!CliKeys.call(() -> wallet.hotkeyEncryption(hotkey)).isEncrypted()) {
      KeyfileData data = CliKeys.call(() -> wallet.readHotkey(hotkey));
      pub = data.publicOnly();
      data.destroy();
    } else {
      throw new UserInputException(
          file + ": encrypted, and no " + hotkey + "pub.txt (expected: the hotkey's public file)");
    }
    return new WalletEntry(
        ref, KeyKind.HOTKEY, WalletEntry.scheme(pub.scheme()), pub.account(), file);
  }

  /**
   * The signer of a wallet's hotkey, checked against its account. An encrypted hotkey takes its
   * passphrase from {@code passphrase}; without one it is bad input.
   */
  static Signer hotkeySigner(
      BittensorWallet wallet,
      String hotkey,
      Optional<PassphraseOptions> passphrase,
      CliContext context) {
    Path file = hotkeyPath(wallet, hotkey);
    if (!CliKeys.call(() -> wallet.hotkeyEncryption(hotkey)).isEncrypted()) {
      return signer(CliKeys.call(() -> wallet.readHotkey(hotkey)), file);
    }
    PassphraseOptions options =
        passphrase.orElseThrow(
            () ->
                new UserInputException(
                    file
                        + ": encrypted (expected: a plain hotkey, or a command taking a passphrase)"));
    char[] secret = options.passphrase(context, wallet.name() + "/" + hotkey);
    try {
      return signer(CliKeys.call(() -> wallet.readHotkey(hotkey, secret)), file);
    } finally {
      Arrays.fill(secret, '\0');
    }
  }

  /** The signer of a wallet's coldkey, decrypted with the passphrase and checked. */
  static Signer coldkeySigner(
      BittensorWallet wallet, PassphraseOptions passphrase, CliContext context) {
    requireNonNull(passphrase, "passphrase");
    if (!Files.exists(wallet.coldkeyPath())) {
      throw new UserInputException(
          wallet.coldkeyPath() + ": no such coldkey (expected: wallet '" + wallet.name() + "')");
    }
    char[] secret = passphrase.passphrase(context, wallet.name());
    try {
      return signer(CliKeys.call(() -> wallet.readColdkey(secret)), wallet.coldkeyPath());
    } finally {
      Arrays.fill(secret, '\0');
    }
  }

  /**
   * Checks that a plain hotkey's secret is the key of its account (an encrypted one is checked when
   * it is opened).
   */
  static void hotkeyCheck(BittensorWallet wallet, String hotkey) {
    if (!CliKeys.call(() -> wallet.hotkeyEncryption(hotkey)).isEncrypted()) {
      signer(CliKeys.call(() -> wallet.readHotkey(hotkey)), hotkeyPath(wallet, hotkey));
    }
  }

  private static Signer signer(KeyfileData data, Path file) {
    try {
      return CliKeys.call(
          () -> WalletKeys.signer(data.keyMaterial().orElseThrow(), file.toString()));
    } finally {
      data.destroy();
    }
  }

  /** The hotkey's file; a missing one is bad input naming the wallet and hotkey. */
  static Path hotkeyPath(BittensorWallet wallet, String hotkey) {
    try {
      return wallet.hotkeyPath(hotkey);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage(), e);
    }
  }
}
