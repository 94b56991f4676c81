package io.aurelius.node.cli.chain;

import io.aurelius.core.chain.Receipt;
import io.aurelius.core.chain.dev.ChainDataDir;
import io.aurelius.core.chain.dev.ChainInbox;
import io.aurelius.core.chain.dev.ChainStartException;
import io.aurelius.core.chain.dev.DevChain;
import io.aurelius.core.chain.extrinsic.Call;
import io.aurelius.core.chain.extrinsic.Extrinsic;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.identity.KeyId;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.CommandFailedException;
import io.aurelius.node.cli.UserInputException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.InstantSource;
import java.util.function.Function;

/**
 * Sends one extrinsic to the dev chain in a data dir on this machine. If the chain is running
 * (its lock is held) the extrinsic goes through the local inbox and the command waits for its
 * receipt, which the chain writes once the block is stored. If it is not running, the command
 * replays the chain itself, applies the extrinsic and seals it into a new block (this needs the
 * authority key in the data dir). Nodes on other machines will submit over the signed protocol.
 */
final class ChainSubmitter {
  private ChainSubmitter() {}

  /** What a command knows about the chain before it signs: its id and the signer's next nonce. */
  interface Build extends Function<DevChain, Call> {}

  static Receipt submit(CliContext context, ChainDataDir dir, Ed25519KeyPair signer, Build build,
      Duration wait) {
    if (!dir.hasChain()) {
      throw new UserInputException(dir.root() + ": no dev chain here (expected: start one with "
          + "'aurelius chain --genesis FILE', or point --chain-dir at one)");
    }
    KeyId who = KeyId.of(signer.publicKey());
    if (dir.isLocked()) {
      Extrinsic x;
      try (DevChain view = open(() -> DevChain.openReadOnly(dir))) {
        x = Extrinsic.sign(view.chainId(), signer, view.nonce(who), build.apply(view));
      }
      String name = new ChainInbox(dir).post(x);
      try {
        return new ChainInbox(dir).awaitReceipt(name, wait).orElseThrow(() -> new CommandFailedException(
            "no receipt from the running chain within " + wait.toSeconds() + " s (is it producing blocks?); "
                + "the extrinsic " + name.substring(0, 12) + "… may still be applied"));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CommandFailedException("interrupted while waiting for the receipt", e);
      }
    }
    Ed25519KeyPair authority;
    try {
      authority = ChainDataDir.readSeed(dir.authoritySeed(), "authority seed");
    } catch (IllegalArgumentException e) {
      throw new CommandFailedException(e.getMessage() + " (the chain is not running, so this command "
          + "seals the block itself and needs the authority key)", e);
    }
    try (DevChain chain = open(() -> DevChain.open(dir, authority, InstantSource.system()))) {
      Extrinsic x = Extrinsic.sign(chain.chainId(), signer, chain.nonce(who), build.apply(chain));
      Receipt receipt = chain.submit(x);
      if (receipt.accepted()) {
        chain.seal();
      }
      return receipt;
    }
  }

  /** Prints an accepted receipt, or fails with the rejection's reason (exit 1). */
  static void report(CliContext context, Receipt receipt, String what) {
    if (receipt instanceof Receipt.Rejected r) {
      throw new CommandFailedException(what + " rejected (" + r.reason().code() + "): " + r.message());
    }
    Receipt.Accepted a = (Receipt.Accepted) receipt;
    PrintWriter out = context.out();
    out.println(what + ": accepted in block " + a.block() + " (extrinsic " + a.extrinsicHash() + ")");
  }

  static Duration waitFor(long seconds) {
    if (seconds < 1 || seconds > 3600) {
      throw new UserInputException("--wait-seconds: " + seconds + " (expected: 1..3600)");
    }
    return Duration.ofSeconds(seconds);
  }

  private static DevChain open(java.util.function.Supplier<DevChain> opener) {
    try {
      return opener.get();
    } catch (ChainStartException e) {
      throw new CommandFailedException(e.getMessage(), e);
    }
  }

}
