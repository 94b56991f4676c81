package io.aurelius.node.cli.chain;

import io.aurelius.core.chain.extrinsic.Call;
import io.aurelius.node.cli.UserInputException;

/** Checks an amount flag: a whole number 1..2^53−1. */
final class AmountOption {
  private AmountOption() {}

  static long check(long amount) {
    if (amount < 1 || amount > Call.MAX_AMOUNT) {
      throw new UserInputException(
          "--amount: " + amount + " (expected: 1.." + Call.MAX_AMOUNT + ")");
    }
    return amount;
  }
}
