package io.aurelius.node.devnet;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.chain.Chain;
import io.aurelius.core.chain.dev.BlockProducer;
import io.aurelius.core.chain.dev.ChainDataDir;
import io.aurelius.core.chain.dev.DevChain;
import io.aurelius.core.chain.dev.Genesis;
import io.aurelius.core.chain.dev.SealedBlock;
import io.aurelius.core.chain.dev.SubnetParams;
import io.aurelius.core.chain.service.ChainPeers;
import io.aurelius.core.chain.service.ChainRoutes;
import io.aurelius.core.chain.service.ChainService;
import io.aurelius.core.chain.service.RemoteChain;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.metrics.MetricsRegistry;
import io.aurelius.core.ops.NodeStatus;
import io.aurelius.core.ops.OpsRoutes;
import io.aurelius.core.ops.StatusSource;
import io.aurelius.core.service.AbstractService;
import io.aurelius.core.transport.PeerEndpoint;
import io.aurelius.core.transport.ProtocolClient;
import io.aurelius.core.transport.ProtocolServer;
import io.aurelius.core.transport.ServerSpec;
import io.aurelius.core.transport.netty.NettyProtocolServer;
import io.aurelius.node.console.NodeConsole;
import io.aurelius.node.daemon.ChainFacts;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The devnet's chain node: a dev chain created from a genesis that funds the given coldkeys, its
 * block producer, and its server (the signed chain protocol plus the operator routes) on an
 * ephemeral loopback port. Weights are set directly (no commit-reveal) and may be set every block,
 * so two short epochs show incentive.
 */
public final class DevnetChain extends AbstractService {
  /** What each devnet coldkey is funded with at genesis. */
  public static final long FUNDING = 1_000_000_000_000L;

  private final ChainDataDir dir;
  private final Genesis genesis;
  private final Ed25519KeyPair authority;
  private final long blockIntervalMillis;
  private final Consumer<SealedBlock> onBlock;
  private final MetricsRegistry registry = new MetricsRegistry();
  private DevChain chain;
  private BlockProducer producer;
  private ProtocolServer server;

  DevnetChain(
      ChainDataDir dir,
      DevnetSettings settings,
      List<KeyId> coldkeys,
      Consumer<SealedBlock> onBlock) {
    this.dir = requireNonNull(dir, "dir");
    this.onBlock = requireNonNull(onBlock, "onBlock");
    this.authority = Ed25519KeyPair.generate();
    this.blockIntervalMillis = settings.blockIntervalMillis();
    this.genesis =
        new Genesis(
            params(settings),
            Optional.empty(),
            Optional.empty(),
            coldkeys.stream().map(c -> new Genesis.Account(c, FUNDING)).toList(),
            List.of());
  }

  static SubnetParams params(DevnetSettings s) {
    SubnetParams d = SubnetParams.defaults(1);
    return new SubnetParams(
        d.netuid(),
        s.tempo(),
        s.blockIntervalMillis(),
        d.immunityPeriod(),
        64,
        8,
        0,
        d.kappa(),
        d.bondsPenalty(),
        d.bondsMovingAverage(),
        100_000,
        0,
        0,
        0,
        1,
        d.maxWeightsLimit(),
        false,
        1,
        0,
        0,
        16,
        d.emissionPerEpoch(),
        d.ownerCut());
  }

  @Override
  public String name() {
    return "devnet-chain";
  }

  @Override
  protected void doStart() throws Exception {
    ChainDataDir.writeSeed(dir.authoritySeed(), authority);
    chain = DevChain.create(dir, genesis, authority, InstantSource.system());
    ChainPeers peers = new ChainPeers();
    peers.refresh(chain.metagraph());
    UnaryOperator<NodeStatus> facts = ChainFacts.of(chain, registry);
    String id = KeyId.of(authority.publicKey()).address();
    ServerSpec.Builder routes =
        ChainRoutes.addTo(
            ServerSpec.builder(authority, peers)
                .bind(new InetSocketAddress("127.0.0.1", 0))
                .name("devnet-chain"),
            new ChainService(chain));
    StatusSource status =
        () -> facts.apply(NodeStatus.of("chain", id, state()).with("chain_id", chain.chainId()));
    server =
        NettyProtocolServer.start(
            OpsRoutes.addTo(routes, status, registry, NodeConsole.chain(chain, status)).build());
    producer =
        new BlockProducer(
            chain,
            blockIntervalMillis,
            0,
            block -> {
              peers.refresh(chain.metagraph());
              onBlock.accept(block);
            });
    try {
      producer.start();
    } catch (Exception e) {
      server.close();
      chain.close();
      throw e;
    }
  }

  @Override
  protected void doStop() throws Exception {
    try {
      producer.stop();
    } finally {
      server.close();
      chain.close();
    }
  }

  public DevChain chain() {
    return chain;
  }

  public KeyId authority() {
    return KeyId.of(authority.publicKey());
  }

  public int port() {
    return server.port();
  }

  public PeerEndpoint endpoint() {
    return new PeerEndpoint("127.0.0.1", port(), authority(), KeyScheme.ED25519);
  }

  /** A client's view of the chain over the signed protocol. */
  public Chain remote(ProtocolClient client) {
    return new RemoteChain(requireNonNull(client, "client"), endpoint(), Duration.ofSeconds(30));
  }

  /** Waits until the chain's head reaches {@code block}. */
  public void awaitBlock(long block, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (chain.currentBlock() < block) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "the chain did not reach block "
                + block
                + " within "
                + timeout.toSeconds()
                + " s (at "
                + chain.currentBlock()
                + ")");
      }
      Thread.sleep(Math.max(10, blockIntervalMillis / 4));
    }
  }
}
