package io.aurelius.node.cli.chain;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.chain.Receipt;
import io.aurelius.core.crypto.Ed25519KeyPair;
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

/** {@code aurelius chain stake}: Move free balance of a coldkey onto a hotkey it owns. */
@Command(name = "stake", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Move free balance of a coldkey onto a hotkey it owns. Signed by the coldkey from <home>/keys.")
final class StakeCommand implements Callable<Integer> {
  @Mixin private ChainDirOptions dirOptions;
  @Mixin private PassphraseOptions passphrase;
  @Mixin private SubmitOptions submit;
  @Mixin private ChainConnectOptions connect;

  @Option(names = "--coldkey", paramLabel = "KEY", description = "The owning coldkey: its name or key id.")
  private String coldkey;

  @Option(names = "--hotkey", paramLabel = "KEY", description = "The hotkey: a key name, or any key id.")
  private String hotkey;

  @Option(names = "--amount", paramLabel = "N", defaultValue = "0", description = "Amount, a whole number.")
  private long amount;

  private final CliContext context;

  StakeCommand(CliContext context) {
    this.context = requireNonNull(context, "context");
  }

  @Override
  public Integer call() {
    long checked = AmountOption.check(amount);
    var waitFor = ChainAccess.waitFor(submit.waitSeconds);
    KeyId target = SigningKeys.keyId(dirOptions.home(), context, "--hotkey", hotkey);
    Ed25519KeyPair cold = SigningKeys.coldkey(dirOptions.home(), context, "--coldkey", coldkey, passphrase);
    Receipt receipt = ChainAccess.write(context, dirOptions, connect, cold,
        chain -> chain.addStake(cold, target, checked), waitFor);
    ChainAccess.report(context, receipt, "stake " + checked + " on " + target);
    return ExitCode.OK;
  }
}
