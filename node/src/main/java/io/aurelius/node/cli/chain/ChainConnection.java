package io.aurelius.node.cli.chain;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.chain.Chain;
import io.aurelius.core.chain.dev.ChainDataDir;
import io.aurelius.core.chain.service.RemoteChain;
import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.crypto.Signer;
import io.aurelius.core.transport.ClientLimits;
import io.aurelius.core.transport.PeerEndpoint;
import io.aurelius.core.transport.ProtocolClient;
import io.aurelius.core.transport.netty.NettyProtocolClient;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.UserInputException;
import java.time.Duration;

/**
 * A long-lived connection to a running chain for node commands (a validator, a miner): the chain
 * named by {@code --chain-endpoint}/{@code --chain-authority}, else the running chain in the local
 * chain dir (its {@code endpoint.json}). Writes are signed by {@code signer}.
 */
public final class ChainConnection implements AutoCloseable {
  private final ProtocolClient client;
  private final RemoteChain chain;

  private ChainConnection(ProtocolClient client, RemoteChain chain) {
    this.client = client;
    this.chain = chain;
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
    client.close();
  }
}
