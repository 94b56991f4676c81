package io.aurelius.node.cli.chain;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.chain.Chain;
import io.aurelius.core.chain.Receipt;
import io.aurelius.core.crypto.Signer;
import io.aurelius.core.identity.KeyId;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.node.cli.keys.PassphraseOptions;
import io.aurelius.node.cli.keys.SigningKeys;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Moves stake between a coldkey's free balance and a hotkey it owns, signed by the coldkey; {@code
 * stake} and {@code unstake} differ only in direction.
 */
abstract class StakeMovementCommand implements Callable<Integer> {
  @Mixin private ChainDirOptions dirOptions;
  @Mixin private PassphraseOptions passphrase;
  @Mixin private SubmitOptions submit;
  @Mixin private ChainConnectOptions connect;
  @Mixin private NetworkOptions network;

  @Option(
      names = "--coldkey",
      paramLabel = "KEY",
      description = "The owning coldkey: its name or key id.")
  private String coldkey;

  @Option(
      names = "--hotkey",
      paramLabel = "KEY",
      description = "The hotkey: a key name, or any key id.")
  private String hotkey;

  @Option(
      names = "--amount",
      paramLabel = "N",
      defaultValue = "0",
      description = "Amount, a whole number.")
  private long amount;

  private final CliContext context;

  StakeMovementCommand(CliContext context) {
    this.context = requireNonNull(context, "context");
  }

  /** The verb reported on success, e.g. {@code stake}. */
  abstract String verb();

  abstract Receipt move(Chain chain, Signer coldkey, KeyId hotkey, long amount);

  @Override
  public final Integer call() {
    long checked = AmountOption.check(amount);
    var waitFor = ChainAccess.waitFor(submit.waitSeconds);
    KeyId target = SigningKeys.keyId(dirOptions.home(), context, "--hotkey", hotkey);
    Signer cold =
        SigningKeys.coldkeySigner(dirOptions.home(), context, "--coldkey", coldkey, passphrase);
    Receipt receipt =
        ChainAccess.write(
            context,
            network,
            dirOptions,
            connect,
            cold,
            chain -> move(chain, cold, target, checked),
            waitFor);
    ChainAccess.report(context, receipt, verb() + " " + checked + " on " + target);
    return ExitCode.OK;
  }
}
