package io.aurelius.node.cli.keys;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.crypto.Signer;
import io.aurelius.core.identity.wallet.BittensorWallet;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.UserInputException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * A Bittensor wallet named with Bittensor's own option names, as a picocli {@code @Mixin}: {@code
 * --wallet.name} (default {@code default}), {@code --wallet.hotkey} (default {@code default}) and
 * {@code --wallet.path} (default {@code ~/.bittensor/wallets}); environment {@code
 * AURELIUS_WALLET_NAME}, {@code AURELIUS_WALLET_HOTKEY}, {@code AURELIUS_WALLET_PATH}; config keys
 * {@code wallet.name}, {@code wallet.hotkey}, {@code wallet.path}. A command that also takes a key
 * from the node's home uses the wallet when {@link #isSet()}.
 */
public final class WalletOptions {
  @Option(
      names = "--wallet.name",
      paramLabel = "NAME",
      description = "Bittensor wallet name (default: default).")
  private String name;

  @Option(
      names = "--wallet.hotkey",
      paramLabel = "HOTKEY",
      description = "Hotkey of the wallet (default: default).")
  private String hotkey;

  @Option(
      names = "--wallet.path",
      paramLabel = "DIR",
      description = "Folder holding the wallets (default: ~/.bittensor/wallets).")
  private Path path;

  /** True when a wallet name or hotkey was given on any surface. */
  public boolean isSet() {
    return present(name) || present(hotkey);
  }

  public String name() {
    return present(name) ? name : BittensorWallet.DEFAULT_NAME;
  }

  public String hotkey() {
    return present(hotkey) ? hotkey : WalletKeyRef.DEFAULT_HOTKEY;
  }

  /** The wallets folder, relative paths resolved against the working directory. */
  public Path walletsDirectory(CliContext context) {
    requireNonNull(context, "context");
    if (path == null || path.toString().isBlank()) {
      return BittensorWallet.defaultWalletsDirectory();
    }
    return context.resolve(path);
  }

  public BittensorWallet wallet(CliContext context) {
    return CliWallets.at(walletsDirectory(context)).wallet(name());
  }

  /** The signer of the hotkey; an encrypted hotkey is bad input. */
  public Signer hotkeySigner(CliContext context) {
    return hotkeySigner(context, Optional.empty());
  }

  /** The signer of the hotkey, an encrypted one decrypted with {@code passphrase}. */
  public Signer hotkeySigner(CliContext context, Optional<PassphraseOptions> passphrase) {
    requireNonNull(passphrase, "passphrase");
    BittensorWallet wallet = wallet(context);
    requireWallet(wallet);
    return CliWallets.hotkeySigner(wallet, hotkey(), passphrase, context);
  }

  /** The signer of the wallet's coldkey, decrypted with {@code passphrase}. */
  public Signer coldkeySigner(CliContext context, PassphraseOptions passphrase) {
    BittensorWallet wallet = wallet(context);
    requireWallet(wallet);
    return CliWallets.coldkeySigner(wallet, passphrase, context);
  }

  private static void requireWallet(BittensorWallet wallet) {
    if (!java.nio.file.Files.isDirectory(wallet.directory())) {
      throw new UserInputException(
          "--wallet.name: no wallet '"
              + wallet.name()
              + "' at "
              + wallet.directory()
              + " (expected: an existing wallet; see --wallet.path)");
    }
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }
}
