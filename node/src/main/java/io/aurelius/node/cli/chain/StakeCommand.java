package io.aurelius.node.cli.chain;

import io.aurelius.core.chain.Chain;
import io.aurelius.core.chain.Receipt;
import io.aurelius.core.crypto.Signer;
import io.aurelius.core.identity.KeyId;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.VersionProvider;
import picocli.CommandLine.Command;

/** {@code aurelius chain stake}: Move free balance of a coldkey onto a hotkey it owns. */
@Command(
    name = "stake",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Move free balance of a coldkey onto a hotkey it owns. Signed by the coldkey from <home>/keys. "
            + "With --network/--netuid: add_stake on that Subtensor subnet, --amount in rao.")
final class StakeCommand extends StakeMovementCommand {
  StakeCommand(CliContext context) {
    super(context);
  }

  @Override
  String verb() {
    return "stake";
  }

  @Override
  Receipt move(Chain chain, Signer coldkey, KeyId hotkey, long amount) {
    return chain.addStake(coldkey, hotkey, amount);
  }
}
