package io.aurelius.node.cli.keys;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.identity.wallet.BittensorWallet;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.node.cli.HomeOptions;
import io.aurelius.node.cli.UserInputException;
import io.aurelius.node.cli.VersionProvider;
import java.nio.file.Files;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code aurelius keys import}: copies a hotkey (and, when asked, the coldkey) of a stock Bittensor
 * wallet into {@code <home>/wallets} under the same wallet and hotkey names, byte for byte.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Copy a Bittensor wallet's hotkey (and with --coldkey its coldkey) into <home>/wallets.",
      "The files are copied byte for byte (an encrypted coldkey stays encrypted, no passphrase is "
          + "asked) after checking that they read; the key is then named WALLET/HOTKEY (and "
          + "WALLET for the coldkey). Nothing is overwritten. To use a wallet in place instead, "
          + "give --wallet.name/--wallet.hotkey/--wallet.path to the command that signs."
    })
final class ImportKeyCommand implements Callable<Integer> {
  @Mixin private HomeOptions home;
  @Mixin private WalletOptions source;

  @Option(names = "--wallet", paramLabel = "NAME", description = "Same as --wallet.name.")
  private String walletAlias;

  @Option(names = "--hotkey", paramLabel = "HOTKEY", description = "Same as --wallet.hotkey.")
  private String hotkeyAlias;

  @Option(
      names = "--coldkey",
      description = "Copy the wallet's coldkey and coldkeypub.txt too (still encrypted).")
  private boolean coldkey;

  private final CliContext context;

  ImportKeyCommand(CliContext context) {
    this.context = requireNonNull(context, "context");
  }

  @Override
  public Integer call() {
    String walletName = Optional.ofNullable(walletAlias).orElse(source.name());
    String hotkey = Optional.ofNullable(hotkeyAlias).orElse(source.hotkey());
    CliWallets from = CliWallets.at(source.walletsDirectory(context));
    BittensorWallet wallet = from.wallet(walletName);
    if (!Files.isDirectory(wallet.directory())) {
      throw new UserInputException(
          "--wallet.name: no wallet '"
              + walletName
              + "' at "
              + wallet.directory()
              + " (expected: an existing wallet; see --wallet.path)");
    }
    HomeKeys keys = HomeKeys.open(home, context);
    BittensorWallet target = keys.wallets().wallet(walletName);
    if (target
        .directory()
        .toAbsolutePath()
        .normalize()
        .equals(wallet.directory().toAbsolutePath().normalize())) {
      throw new UserInputException(
          "--wallet.path: "
              + from.directory()
              + " is the node's own wallets folder (expected: "
              + "another folder)");
    }
    WalletKeyRef hotkeyRef = WalletKeyRef.hotkey(walletName, hotkey);
    if (keys.wallets().contains(hotkeyRef)) {
      throw new UserInputException(
          "key '"
              + hotkeyRef
              + "' already exists in "
              + target.directory()
              + " (expected: a new name; keys are never overwritten)");
    }
    WalletKeyRef coldRef = new WalletKeyRef(walletName, Optional.empty());
    if (coldkey && keys.wallets().contains(coldRef)) {
      throw new UserInputException(
          "coldkey of '"
              + walletName
              + "' already exists in "
              + target.directory()
              + " (expected: a new name; keys are never overwritten)");
    }
    // Read everything before writing anything: a bad file leaves the home as it was.
    WalletEntry hot = from.entry(hotkeyRef);
    CliWallets.hotkeyCheck(wallet, hotkey);
    Optional<WalletEntry> cold = coldkey ? Optional.of(from.entry(coldRef)) : Optional.empty();
    if (coldkey && !Files.exists(wallet.coldkeyPath())) {
      throw new UserInputException(
          wallet.coldkeyPath() + ": no such keyfile (expected: the wallet's coldkey)");
    }
    if (coldkey) {
      CliKeys.call(
          () -> {
            target.copyColdkeyFrom(wallet, false);
            return null;
          });
    }
    CliKeys.call(
        () -> {
          target.copyHotkeyFrom(wallet, hotkey, false);
          return null;
        });
    print(hot, target.hotkeyPath(hotkey));
    cold.ifPresent(c -> print(c, target.coldkeyPath()));
    return ExitCode.OK;
  }

  private void print(WalletEntry entry, java.nio.file.Path file) {
    context
        .out()
        .println(
            "imported "
                + entry.kind().wireName()
                + " '"
                + entry.ref()
                + "' ("
                + entry.scheme().wireName()
                + ") "
                + entry.account().ss58Address()
                + " to "
                + file);
  }
}
