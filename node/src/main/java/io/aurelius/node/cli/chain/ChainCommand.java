package io.aurelius.node.cli.chain;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.chain.ChainInfo;
import io.aurelius.core.chain.Endpoint;
import io.aurelius.core.chain.dev.BlockProducer;
import io.aurelius.core.chain.dev.ChainDataDir;
import io.aurelius.core.chain.dev.ChainStartException;
import io.aurelius.core.chain.dev.DevChain;
import io.aurelius.core.chain.dev.Genesis;
import io.aurelius.core.chain.dev.SealedBlock;
import io.aurelius.core.chain.service.ChainPeers;
import io.aurelius.core.chain.service.ChainRoutes;
import io.aurelius.core.chain.service.ChainService;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.metrics.MetricsRegistry;
import io.aurelius.core.ops.NodeStatus;
import io.aurelius.core.ops.OpsRoutes;
import io.aurelius.core.ops.StatusSource;
import io.aurelius.core.service.Service;
import io.aurelius.core.transport.ProtocolServer;
import io.aurelius.core.transport.ServerSpec;
import io.aurelius.core.transport.netty.NettyProtocolServer;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.CommandFailedException;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.node.cli.UserInputException;
import io.aurelius.node.cli.VersionProvider;
import io.aurelius.node.console.NodeConsole;
import io.aurelius.node.daemon.ChainFacts;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code aurelius chain}: runs the embedded dev chain, and groups the commands that read it and
 * submit to it.
 */
@Command(
    name = "chain",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Run the embedded dev chain that stands in for Subtensor on a development or private "
          + "network: registration, stake, weights with commit-reveal, Yuma consensus each "
          + "tempo. Blocks are signed commits in <chain-dir>/blocks.git; a restart replays "
          + "and checks all of them.",
      "It serves the chain over the signed protocol (--listen). With a subcommand, read the "
          + "chain or submit to it: the running chain, a remote one (--chain-endpoint), or, "
          + "when none runs, the local chain dir directly."
    },
    subcommands = {
      ChainInfoCommand.class,
      MetagraphCommand.class,
      RegisterCommand.class,
      ServeCommand.class,
      StakeCommand.class,
      UnstakeCommand.class,
      TransferCommand.class
    })
public final class ChainCommand implements Callable<Integer> {
  @Mixin private ChainDirOptions dirOptions;

  @Option(
      names = "--genesis",
      paramLabel = "FILE",
      description =
          "Genesis file (YAML, or JSON if it ends in .json). Needed to create the chain; "
              + "on a restart it is checked against the chain in the data dir.")
  private Path genesis;

  @Option(
      names = "--blocks",
      paramLabel = "N",
      defaultValue = "0",
      description = "Stop after producing N blocks (default: 0, run until interrupted).")
  private long blocks;

  @Option(
      names = "--listen",
      paramLabel = "HOST:PORT",
      defaultValue = "127.0.0.1:9944",
      description =
          "Where to serve the chain over the signed protocol (port 0: any free port; "
              + "default: ${DEFAULT-VALUE}).")
  private String listen;

  @Option(
      names = "--authority-seed-file",
      paramLabel = "FILE",
      description =
          "Seed of the key that signs blocks, 64 hex chars (default: <chain-dir>/authority.seed, "
              + "created on first start with mode 0600).")
  private Path authoritySeed;

  private final CliContext context;

  public ChainCommand(CliContext context) {
    this.context = requireNonNull(context, "context");
  }

  @Override
  public Integer call() throws InterruptedException {
    ChainDataDir dir = dirOptions.dir(context);
    if (blocks < 0) {
      throw new UserInputException(
          "--blocks: " + blocks + " (expected: 0 for no limit, or a positive count)");
    }
    if (genesis == null && !dir.hasChain()) {
      throw new UserInputException(
          "--genesis: missing, and "
              + dir.root()
              + " holds no chain yet "
              + "(expected: --genesis FILE to create one, or a subcommand; see 'aurelius chain --help')");
    }
    InetSocketAddress bind = bindAddress(listen);
    Optional<Genesis> spec =
        Optional.ofNullable(genesis).map(g -> GenesisFile.read(context.resolve(g)));
    Ed25519KeyPair authority;
    try {
      authority = dir.authorityKey(Optional.ofNullable(authoritySeed).map(context::resolve));
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage(), e);
    }
    DevChain chain;
    try {
      chain =
          spec.isPresent()
              ? DevChain.openOrCreate(dir, spec.get(), authority, InstantSource.system())
              : DevChain.open(dir, authority, InstantSource.system());
    } catch (ChainStartException e) {
      throw new CommandFailedException(e.getMessage(), e);
    }
    PrintWriter out = context.out();
    ChainInfo info = chain.info();
    ChainPeers peers = new ChainPeers();
    peers.refresh(chain.metagraph());
    ProtocolServer server;
    AtomicReference<Service.State> state = new AtomicReference<>(Service.State.RUNNING);
    try {
      MetricsRegistry registry = new MetricsRegistry();
      UnaryOperator<NodeStatus> facts = ChainFacts.of(chain, registry);
      ServerSpec.Builder routes =
          ChainRoutes.addTo(
              ServerSpec.builder(authority, peers).bind(bind).name("chain"),
              new ChainService(chain));
      StatusSource status =
          () ->
              facts.apply(
                  NodeStatus.of("chain", info.authority().address(), state.get())
                      .with("chain_id", info.chainId())
                      .with("netuid", info.netuid()));
      server =
          NettyProtocolServer.start(
              OpsRoutes.addTo(routes, status, registry, NodeConsole.chain(chain, status)).build());
    } catch (RuntimeException e) {
      chain.close();
      throw new CommandFailedException("cannot serve on " + listen + ": " + e.getMessage(), e);
    }
    String host = bind.getAddress().isAnyLocalAddress() ? "127.0.0.1" : bind.getHostString();
    EndpointFile.write(dir, new ChainConnectOptions.Remote(host, server.port(), info.authority()));
    out.println(
        "dev chain "
            + info.chainId()
            + " (netuid "
            + info.netuid()
            + ", tempo "
            + info.tempo()
            + ", a block every "
            + info.blockIntervalMillis()
            + " ms)");
    out.println("data dir:    " + dir.root());
    out.println("authority:   " + info.authority());
    out.println("head:        block " + info.head() + ", " + chain.metagraph().size() + " UIDs");
    out.println(
        "serving:     "
            + bind.getHostString()
            + ":"
            + server.port()
            + " (signed protocol /v1/chain/*; clients: --chain-endpoint "
            + host
            + ":"
            + server.port()
            + " --chain-authority "
            + info.authority()
            + ")");
    out.flush();
    BlockProducer producer =
        new BlockProducer(
            chain,
            info.blockIntervalMillis(),
            blocks,
            block -> {
              peers.refresh(chain.metagraph());
              print(out, block);
            });
    Thread hook =
        new Thread(
            () -> {
              state.set(Service.State.STOPPING);
              stop(producer, server, chain, dir);
            },
            "dev-chain-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      producer.start();
      producer.awaitDone();
    } catch (Exception e) {
      throw new CommandFailedException("dev chain: " + e.getMessage(), e);
    } finally {
      state.set(Service.State.STOPPING);
      stop(producer, server, chain, dir);
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // the JVM is already shutting down and runs the hook
      }
    }
    if (producer.failure().isPresent()) {
      throw new CommandFailedException(
          "dev chain stopped: " + producer.failure().get().getMessage());
    }
    out.println("stopped at block " + chain.currentBlock());
    return ExitCode.OK;
  }

  private static void stop(
      BlockProducer producer, ProtocolServer server, DevChain chain, ChainDataDir dir) {
    try {
      producer.stop();
    } catch (Exception e) {
      // stopping is best effort; the server and chain are closed below either way
    }
    EndpointFile.delete(dir);
    server.close();
    chain.close();
  }

  private static InetSocketAddress bindAddress(String listen) {
    Endpoint at;
    try {
      at = Endpoint.parse(listen);
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--listen: " + e.getMessage(), e);
    }
    return new InetSocketAddress(at.host(), at.port());
  }

  private static void print(PrintWriter out, SealedBlock block) {
    if (block.extrinsics() > 0 || block.number() % 100 == 0) {
      out.println(
          "block "
              + block.number()
              + " sealed: "
              + block.extrinsics()
              + " extrinsics, "
              + block.hash().substring(0, 12));
    }
    block
        .epoch()
        .ifPresent(
            e ->
                out.println(
                    "epoch "
                        + e.epoch()
                        + " at block "
                        + e.block()
                        + ": emitted "
                        + e.emitted()
                        + " over "
                        + e.uids()
                        + " UIDs, "
                        + e.validatorPermits()
                        + " validator permits"));
    out.flush();
  }
}
