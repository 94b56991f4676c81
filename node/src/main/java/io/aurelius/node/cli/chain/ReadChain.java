package io.aurelius.node.cli.chain;

import io.aurelius.core.chain.dev.ChainDataDir;
import io.aurelius.core.chain.dev.ChainStartException;
import io.aurelius.core.chain.dev.DevChain;
import io.aurelius.node.cli.CommandFailedException;
import io.aurelius.node.cli.UserInputException;

/** Opens a data dir's chain read-only (replaying and checking it); running or not. */
final class ReadChain {
  private ReadChain() {}

  static DevChain open(ChainDataDir dir) {
    if (!dir.hasChain()) {
      throw new UserInputException(dir.root() + ": no dev chain here (expected: start one with "
          + "'aurelius chain --genesis FILE', or point --chain-dir at one)");
    }
    try {
      return DevChain.openReadOnly(dir);
    } catch (ChainStartException e) {
      throw new CommandFailedException(e.getMessage(), e);
    }
  }
}
