package io.aurelius.node.cli.chain;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.chain.Receipt;
import io.aurelius.core.crypto.Signer;
import io.aurelius.core.identity.KeyId;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.node.cli.VersionProvider;
import io.aurelius.node.cli.keys.PassphraseOptions;
import io.aurelius.node.cli.keys.SigningKeys;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aurelius chain transfer}: moves free balance from a coldkey to another account. */
@Command(
    name = "transfer",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Move free balance from a coldkey (from <home>/keys) to another account. With "
            + "--network/--netuid: Balances.transfer_keep_alive on that Subtensor chain, in rao.")
final class TransferCommand implements Callable<Integer> {
  @Mixin private ChainDirOptions dirOptions;
  @Mixin private PassphraseOptions passphrase;
  @Mixin private SubmitOptions submit;
  @Mixin private ChainConnectOptions connect;
  @Mixin private NetworkOptions network;

  @Option(
      names = "--coldkey",
      paramLabel = "KEY",
      description = "The paying coldkey: its name or key id.")
  private String coldkey;

  @Option(
      names = "--to",
      paramLabel = "KEY",
      description = "The receiving account: a key name, or any key id.")
  private String to;

  @Option(
      names = "--amount",
      paramLabel = "N",
      defaultValue = "0",
      description = "Amount, a whole number.")
  private long amount;

  private final CliContext context;

  TransferCommand(CliContext context) {
    this.context = requireNonNull(context, "context");
  }

  @Override
  public Integer call() {
    long checked = AmountOption.check(amount);
    var waitFor = ChainAccess.waitFor(submit.waitSeconds);
    KeyId target = SigningKeys.keyId(dirOptions.home(), context, "--to", to);
    Signer cold =
        SigningKeys.coldkeySigner(dirOptions.home(), context, "--coldkey", coldkey, passphrase);
    Receipt receipt =
        ChainAccess.write(
            context,
            network,
            dirOptions,
            connect,
            cold,
            chain -> chain.transfer(cold, target, checked),
            waitFor);
    ChainAccess.report(context, receipt, "transfer " + checked + " to " + target);
    return ExitCode.OK;
  }
}
