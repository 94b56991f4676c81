package io.aurelius.node.cli.chain;

import io.aurelius.core.chain.Chain;
import io.aurelius.core.chain.ChainUnavailableException;
import io.aurelius.core.chain.Receipt;
import io.aurelius.core.chain.dev.ChainDataDir;
import io.aurelius.core.chain.dev.ChainStartException;
import io.aurelius.core.chain.dev.DevChain;
import io.aurelius.core.chain.service.RemoteChain;
import io.aurelius.core.chain.subtensor.SubtensorChain;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.crypto.Signer;
import io.aurelius.core.transport.ClientLimits;
import io.aurelius.core.transport.PeerEndpoint;
import io.aurelius.core.transport.ProtocolClient;
import io.aurelius.core.transport.netty.NettyProtocolClient;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.CommandFailedException;
import io.aurelius.node.cli.UserInputException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.function.Function;

/**
 * How a chain command reaches the chain, in this order: the chain named by {@code
 * --chain-endpoint}/{@code --chain-authority} (over the signed protocol); else the chain in the
 * local chain dir, over the signed protocol if it is running (its {@code endpoint.json}), or
 * directly if it is not: reads replay the blocks, and a write is applied and sealed into a new
 * block by this command (with the chain's authority key).
 */
final class ChainAccess {
  private ChainAccess() {}

  /** Runs a read against the chain. */
  static <T> T read(
      CliContext context,
      ChainDirOptions dirOptions,
      ChainConnectOptions connect,
      Function<Chain, T> query) {
    Optional<ChainConnectOptions.Remote> remote = remote(context, dirOptions, connect);
    if (remote.isPresent()) {
      try (ProtocolClient client =
          NettyProtocolClient.create(Ed25519KeyPair.generate(), ClientLimits.defaults())) {
        return query.apply(remoteChain(client, remote.get()));
      } catch (ChainUnavailableException e) {
        throw new CommandFailedException(e.getMessage(), e);
      }
    }
    ChainDataDir dir = localChain(context, dirOptions);
    try (DevChain chain = DevChain.openReadOnly(dir)) {
      return query.apply(chain);
    } catch (ChainStartException e) {
      throw new CommandFailedException(e.getMessage(), e);
    }
  }

  /**
   * As {@link #write(CliContext, ChainDirOptions, ChainConnectOptions, Signer, Function,
   * Duration)}, or, with {@code --network}/{@code --netuid}, as a signed extrinsic on that
   * Subtensor subnet, watched to finality (each network step printed to standard error); amounts
   * there are in rao.
   */
  static Receipt write(
      CliContext context,
      NetworkOptions network,
      ChainDirOptions dirOptions,
      ChainConnectOptions connect,
      Signer signer,
      Function<Chain, Receipt> action,
      Duration wait) {
    Optional<NetworkOptions.Subnet> subnet = network.subnet();
    if (subnet.isEmpty()) {
      return write(context, dirOptions, connect, signer, action, wait);
    }
    try (SubtensorChain chain = SubtensorSession.open(context, subnet.get())) {
      return action.apply(chain);
    } catch (ChainUnavailableException | UnsupportedOperationException e) {
      throw new CommandFailedException(e.getMessage(), e);
    }
  }

  /**
   * Submits one extrinsic signed by {@code signer} and returns once it is final (its block sealed)
   * or rejected; waits at most {@code wait} for a running chain to seal it.
   */
  static Receipt write(
      CliContext context,
      ChainDirOptions dirOptions,
      ChainConnectOptions connect,
      Signer signer,
      Function<Chain, Receipt> action,
      Duration wait) {
    Optional<ChainConnectOptions.Remote> remote = remote(context, dirOptions, connect);
    if (remote.isPresent()) {
      try (ProtocolClient client = NettyProtocolClient.create(signer, ClientLimits.defaults())) {
        RemoteChain chain = remoteChain(client, remote.get());
        Receipt receipt = action.apply(chain);
        if (receipt instanceof Receipt.Accepted accepted) {
          awaitSealed(chain, accepted.block(), wait);
        }
        return receipt;
      } catch (ChainUnavailableException e) {
        throw new CommandFailedException(e.getMessage(), e);
      }
    }
    ChainDataDir dir = localChain(context, dirOptions);
    Ed25519KeyPair authority;
    try {
      authority = ChainDataDir.readSeed(dir.authoritySeed(), "authority seed");
    } catch (IllegalArgumentException e) {
      throw new CommandFailedException(
          e.getMessage()
              + " (the chain is not running, so this command "
              + "seals the block itself and needs the chain's authority key)",
          e);
    }
    try (DevChain chain = DevChain.open(dir, authority, InstantSource.system())) {
      Receipt receipt = action.apply(chain);
      if (receipt.accepted()) {
        chain.seal();
      }
      return receipt;
    } catch (ChainStartException e) {
      throw new CommandFailedException(e.getMessage(), e);
    }
  }

  static Duration waitFor(long seconds) {
    if (seconds < 1 || seconds > 3600) {
      throw new UserInputException("--wait-seconds: " + seconds + " (expected: 1..3600)");
    }
    return Duration.ofSeconds(seconds);
  }

  /** Prints an accepted receipt, or fails with the rejection's reason (exit 1). */
  static void report(CliContext context, Receipt receipt, String what) {
    if (receipt instanceof Receipt.Rejected r) {
      throw new CommandFailedException(
          what + " rejected (" + r.reason().code() + "): " + r.message());
    }
    Receipt.Accepted a = (Receipt.Accepted) receipt;
    context
        .out()
        .println(
            what + ": accepted in block " + a.block() + " (extrinsic " + a.extrinsicHash() + ")");
  }

  private static Optional<ChainConnectOptions.Remote> remote(
      CliContext context, ChainDirOptions dirOptions, ChainConnectOptions connect) {
    Optional<ChainConnectOptions.Remote> named = connect.remote();
    if (named.isPresent()) {
      return named;
    }
    ChainDataDir dir = dirOptions.dir(context);
    if (dir.hasChain() && dir.isLocked()) {
      return Optional.of(
          EndpointFile.read(dir)
              .orElseThrow(
                  () ->
                      new CommandFailedException(
                          dir.root()
                              + ": the chain is running but has not written endpoint.json yet (try again in a moment)")));
    }
    return Optional.empty();
  }

  private static ChainDataDir localChain(CliContext context, ChainDirOptions dirOptions) {
    ChainDataDir dir = dirOptions.dir(context);
    if (!dir.hasChain()) {
      throw new UserInputException(
          dir.root()
              + ": no dev chain here (expected: start one with "
              + "'aurelius chain --genesis FILE', point --chain-dir at one, or give --chain-endpoint)");
    }
    return dir;
  }

  private static RemoteChain remoteChain(ProtocolClient client, ChainConnectOptions.Remote remote) {
    return new RemoteChain(
        client,
        new PeerEndpoint(remote.host(), remote.port(), remote.authority(), KeyScheme.ED25519),
        Duration.ofSeconds(30));
  }

  private static void awaitSealed(Chain chain, long block, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    while (chain.currentBlock() < block) {
      if (System.nanoTime() > deadline) {
        throw new CommandFailedException(
            "accepted into block "
                + block
                + ", but the chain has not sealed it within "
                + wait.toSeconds()
                + " s (is it producing blocks?)");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CommandFailedException("interrupted while waiting for block " + block, e);
      }
    }
  }
}
