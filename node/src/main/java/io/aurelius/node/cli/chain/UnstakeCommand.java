package io.aurelius.node.cli.chain;

import io.aurelius.core.chain.Chain;
import io.aurelius.core.chain.Receipt;
import io.aurelius.core.crypto.Signer;
import io.aurelius.core.identity.KeyId;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.VersionProvider;
import picocli.CommandLine.Command;

/** {@code aurelius chain unstake}: Move stake from a hotkey back to its coldkey's free balance. */
@Command(
    name = "unstake",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Move stake from a hotkey back to its coldkey's free balance. Signed by the coldkey from <home>/keys. "
            + "With --network/--netuid: remove_stake on that Subtensor subnet, --amount in rao.")
final class UnstakeCommand extends StakeMovementCommand {
  UnstakeCommand(CliContext context) {
    super(context);
  }

  @Override
  String verb() {
    return "unstake";
  }

  @Override
  Receipt move(Chain chain, Signer coldkey, KeyId hotkey, long amount) {
    return chain.removeStake(coldkey, hotkey, amount);
  }
}
