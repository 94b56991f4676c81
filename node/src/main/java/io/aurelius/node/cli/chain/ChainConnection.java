package io.aurelius.node.cli.chain;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.chain.Chain;
import io.aurelius.core.chain.ChainUnavailableException;
import io.aurelius.core.chain.dev.ChainDataDir;
import io.aurelius.core.chain.service.RemoteChain;
import io.aurelius.core.chain.subtensor.SubnetMetagraph;
import io.aurelius.core.chain.subtensor.SubnetNeuron;
import io.aurelius.core.chain.subtensor.SubtensorChain;
import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.crypto.Signer;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.transport.ClientLimits;
import io.aurelius.core.transport.PeerEndpoint;
import io.aurelius.core.transport.ProtocolClient;
import io.aurelius.core.transport.netty.NettyProtocolClient;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.CommandFailedException;
import io.aurelius.node.cli.UserInputException;
import java.time.Duration;
import java.util.Optional;

/**
 * A long-lived connection to a running chain for node commands (a validator, a miner): the chain
 * named by {@code --chain-endpoint}/{@code --chain-authority}, else the running chain in the local
 * chain dir (its {@code endpoint.json}). Writes are signed by {@code signer}.
 */
public final class ChainConnection implements AutoCloseable {
  private final AutoCloseable client;
  private final Chain chain;

  private ChainConnection(AutoCloseable client, Chain chain) {
    this.client = client;
    this.chain = chain;
  }

  /**
   * The subnet on Subtensor named by {@code --network}/{@code --netuid}: connects, syncs the
   * metagraph and prints it, and refuses a {@code hotkey} that is not registered on the subnet (its
   * operator registers it first, with {@code chain register --network}).
   */
  public static ChainConnection subtensor(
      CliContext context, NetworkOptions.Subnet subnet, KeyId hotkey, String role) {
    requireNonNull(hotkey, "hotkey");
    SubtensorChain chain = SubtensorSession.open(context, subnet);
    try {
      SubnetMetagraph m = chain.subnet();
      SubnetPrinter.table(context.out(), m);
      Optional<SubnetNeuron> me =
          m.neurons().stream().filter(n -> n.hotkey().equals(hotkey)).findFirst();
      if (me.isEmpty()) {
        throw new CommandFailedException(
            role
                + " hotkey "
                + hotkey
                + " is not registered on netuid "
                + subnet.netuid()
                + " at block "
                + m.block()
                + " (expected: a registered hotkey; register it with aurelius chain register"
                + " --network NETWORK --netuid "
                + subnet.netuid()
                + ")");
      }
      context
          .out()
          .println(
              "subtensor: "
                  + role
                  + " hotkey "
                  + hotkey
                  + " is uid "
                  + me.get().uid()
                  + " on netuid "
                  + subnet.netuid());
      context.out().flush();
      return new ChainConnection(chain, chain);
    } catch (ChainUnavailableException e) {
      chain.close();
      throw new CommandFailedException(e.getMessage(), e);
    } catch (RuntimeException e) {
      chain.close();
      throw e;
    }
  }

  public static ChainConnection open(
      CliContext context, ChainDirOptions dirOptions, ChainConnectOptions connect, Signer signer) {
    requireNonNull(signer, "signer");
    ChainConnectOptions.Remote remote =
        connect
            .remote()
            .orElseGet(
                () -> {
                  ChainDataDir dir = dirOptions.dir(context);
                  return EndpointFile.read(dir)
                      .orElseThrow(
                          () ->
                              new UserInputException(
                                  "--chain-endpoint: missing, and no "
                                      + "running chain in "
                                      + dir.root()
                                      + " (expected: --chain-endpoint HOST:PORT with --chain-authority "
                                      + "KEYID, or a chain started with 'aurelius chain')"));
                });
    ProtocolClient client = NettyProtocolClient.create(signer, ClientLimits.defaults());
    return new ChainConnection(
        client,
        new RemoteChain(
            client,
            new PeerEndpoint(remote.host(), remote.port(), remote.authority(), KeyScheme.ED25519),
            Duration.ofSeconds(30)));
  }

  public Chain chain() {
    return chain;
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (Exception e) {
      throw new IllegalStateException("closing the chain connection: " + e.getMessage(), e);
    }
  }
}
