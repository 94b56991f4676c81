package io.aurelius.node.cli.keys;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.crypto.Signer;
import io.aurelius.core.identity.StoredKey;
import io.aurelius.core.identity.wallet.AccountId;
import io.aurelius.core.identity.wallet.BittensorWallet;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.node.cli.HomeOptions;
import io.aurelius.node.cli.UserInputException;
import io.aurelius.node.cli.VersionProvider;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code aurelius keys check}: loads the private key, decrypting a coldkey, to prove the file is
 * intact, readable only by its owner and (for a coldkey) that the passphrase is right.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Prove a key loads: file intact, owner-only, passphrase right.",
      "Loads the private key (decrypting a coldkey) and checks it against the public key. "
          + "Prints nothing secret."
    })
final class CheckKeyCommand implements Callable<Integer> {
  @Mixin private HomeOptions home;
  @Mixin private PassphraseOptions passphraseOptions;

  @Parameters(
      paramLabel = "KEY",
      description = "WALLET/HOTKEY, WALLET (its coldkey), a legacy key's name, or an SS58 address.")
  private String key;

  private final CliContext context;

  CheckKeyCommand(CliContext context) {
    this.context = requireNonNull(context, "context");
  }

  @Override
  public Integer call() {
    HomeKeys keys = HomeKeys.open(home, context);
    HomeKeys.Found found = keys.resolve("KEY", key);
    if (found instanceof HomeKeys.InWallet wallet) {
      return checkWalletKey(keys, wallet.ref());
    }
    StoredKey stored = ((HomeKeys.Legacy) found).key();
    Ed25519KeyPair pair =
        switch (stored.kind()) {
          case HOTKEY -> CliKeys.call(() -> keys.legacy().store().loadHotkey(stored.name()));
          case COLDKEY -> {
            char[] passphrase = passphraseOptions.passphrase(context, stored.name().value());
            try {
              yield CliKeys.call(
                  () -> keys.legacy().store().loadColdkey(stored.name(), passphrase));
            } finally {
              Arrays.fill(passphrase, '\0');
            }
          }
        };
    pair.privateKey().destroy();
    context
        .out()
        .println(
            "ok: "
                + stored.kind().wireName()
                + " '"
                + stored.name()
                + "' "
                + stored.keyId()
                + " loads and matches its public key");
    return ExitCode.OK;
  }

  private int checkWalletKey(HomeKeys keys, WalletKeyRef ref) {
    WalletEntry entry = keys.wallets().entry(ref);
    BittensorWallet wallet = keys.wallets().wallet(ref.wallet());
    Signer signer =
        ref.hotkey().isPresent()
            ? CliWallets.hotkeySigner(
                wallet, ref.hotkey().get(), Optional.of(passphraseOptions), context)
            : CliWallets.coldkeySigner(wallet, passphraseOptions, context);
    if (!AccountId.of(signer.publicKey().bytes()).equals(entry.account())) {
      throw new UserInputException(
          entry.file()
              + ": the key is not its public file's "
              + entry.account()
              + " (expected: the same account)");
    }
    context
        .out()
        .println(
            "ok: "
                + entry.kind().wireName()
                + " '"
                + ref
                + "' ("
                + signer.scheme().wireName()
                + ") "
                + entry.account().ss58Address()
                + " loads and matches its public key");
    return ExitCode.OK;
  }
}
