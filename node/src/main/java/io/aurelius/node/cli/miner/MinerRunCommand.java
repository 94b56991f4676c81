package io.aurelius.node.cli.miner;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.chain.Chain;
import io.aurelius.core.chain.service.RemoteChain;
import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.crypto.Signer;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.metrics.MetricsRegistry;
import io.aurelius.core.ops.NodeStatus;
import io.aurelius.core.service.AbstractService;
import io.aurelius.core.service.ServiceController;
import io.aurelius.core.transport.ClientLimits;
import io.aurelius.core.transport.PeerEndpoint;
import io.aurelius.core.transport.ProtocolClient;
import io.aurelius.core.transport.ServerLimits;
import io.aurelius.core.transport.netty.NettyProtocolClient;
import io.aurelius.core.transport.netty.NettyProtocolServer;
import io.aurelius.miner.chain.ChainEndpoint;
import io.aurelius.miner.chain.MetagraphSync;
import io.aurelius.miner.chain.ValidatorDirectory;
import io.aurelius.miner.library.ConfigLibrary;
import io.aurelius.miner.service.EndpointAnnouncer;
import io.aurelius.miner.service.MinerService;
import io.aurelius.miner.service.MinerSettings;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.CommandFailedException;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.node.cli.HomeOptions;
import io.aurelius.node.cli.LegacyListenOptions;
import io.aurelius.node.cli.ListenAddress;
import io.aurelius.node.cli.PortsFile;
import io.aurelius.node.cli.UserInputException;
import io.aurelius.node.cli.chain.ChainConnectOptions;
import io.aurelius.node.cli.chain.ChainConnection;
import io.aurelius.node.cli.chain.NetworkOptions;
import io.aurelius.node.cli.keys.PassphraseOptions;
import io.aurelius.node.cli.keys.SigningKeys;
import io.aurelius.node.cli.keys.WalletOptions;
import io.aurelius.node.console.NodeConsole;
import io.aurelius.node.daemon.ChainFacts;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aurelius miner run}: the miner node, until SIGTERM or Ctrl-C. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run the miner: answer validators' signed queries on POST /v1/miner/query "
          + "with signed submissions, rotating through the library; serve the library read-only "
          + "at /git/configs.git, and /healthz and /metrics, all on one port.",
      "With --chain-endpoint and --chain-authority the chain's validators may query (the "
          + "metagraph is re-read every --metagraph-refresh-seconds) and the bound endpoint is "
          + "served on the chain (registering the hotkey first when --coldkey is given). "
          + "Without a chain, --validator lists who may query.",
      "The bound port is written to <home>/ports.json (removed on exit). Stops gracefully on "
          + "SIGTERM or Ctrl-C."
    })
final class MinerRunCommand implements Callable<Integer> {
  @Mixin private HomeOptions home;
  @Mixin private IntakeOptions intake;
  @Mixin private ChainConnectOptions chain;
  @Mixin private NetworkOptions network;
  @Mixin private PassphraseOptions passphrase;
  @Mixin private WalletOptions wallet;

  @Option(
      names = "--hotkey",
      paramLabel = "KEY",
      description =
          "The miner's hotkey in <home>: a wallet key WALLET/HOTKEY, a legacy key's name, or a"
              + " key id. Or name a Bittensor wallet with --wallet.name/--wallet.hotkey.")
  private String hotkey;

  @Option(
      names = "--coldkey",
      paramLabel = "KEY",
      description =
          "A coldkey in <home>/keys that registers the hotkey as a miner if the chain "
              + "does not list it yet (optional).")
  private String coldkey;

  @Option(
      names = "--listen",
      paramLabel = "HOST:PORT",
      defaultValue = "127.0.0.1:8091",
      description =
          "Where to serve validators' queries, git, /healthz and /metrics; port 0 picks a free "
              + "one, 0.0.0.0:PORT serves other machines (default: ${DEFAULT-VALUE}).")
  private String listen;

  @Mixin private LegacyListenOptions legacyListen;

  @Option(
      names = "--advertise-host",
      paramLabel = "HOST",
      description =
          "The host validators connect to, as served on the chain (default: the "
              + "listen host, or 127.0.0.1 when listening on all addresses).")
  private String advertiseHost;

  @Option(
      names = "--validator",
      paramLabel = "[SCHEME:]KEYID",
      split = ",",
      description =
          "A validator hotkey allowed to query besides the chain's validators "
              + "(repeatable, or comma-separated), optionally prefixed by its key scheme, "
              + "e.g. ed25519:5F… (default: sr25519). Other senders are refused with 403.")
  private List<String> validators = new ArrayList<>();

  @Option(
      names = "--metagraph-refresh-seconds",
      paramLabel = "N",
      defaultValue = "12",
      description = "How often the chain's validators are re-read (default: ${DEFAULT-VALUE}).")
  private long metagraphRefreshSeconds;

  private final CliContext context;

  MinerRunCommand(CliContext context) {
    this.context = requireNonNull(context, "context");
  }

  @Override
  public Integer call() {
    InetSocketAddress bind =
        legacyListen.apply(ListenAddress.parse(listen, "--listen"), context.err());
    if (metagraphRefreshSeconds < 1 || metagraphRefreshSeconds > 3600) {
      throw new UserInputException(
          "--metagraph-refresh-seconds: " + metagraphRefreshSeconds + " (expected: 1..3600)");
    }
    Optional<ChainConnectOptions.Remote> remote = chain.remote();
    Optional<NetworkOptions.Subnet> subnet = network.subnet();
    Map<KeyId, KeyScheme> allowed = allowedValidators(remote.isPresent() || subnet.isPresent());
    Path homeDir = home.home(context);
    if (!wallet.isSet() && (hotkey == null || hotkey.isBlank())) {
      throw new UserInputException(
          "--hotkey: missing (expected: a hotkey in "
              + homeDir
              + " such as miner/default, made with 'aurelius keys new --name miner', or a"
              + " Bittensor wallet named with --wallet.name and --wallet.hotkey)");
    }
    Signer key = SigningKeys.hotkeySigner(home, context, wallet, "--hotkey", hotkey);
    Optional<Signer> owner =
        Optional.ofNullable(coldkey)
            .map(ref -> SigningKeys.coldkeySigner(home, context, "--coldkey", ref, passphrase));
    if (owner.isPresent() && remote.isEmpty() && subnet.isEmpty()) {
      throw new UserInputException(
          "--coldkey: given without a chain (expected: with "
              + "--chain-endpoint and --chain-authority)");
    }
    ValidatorDirectory directory = new ValidatorDirectory(allowed);
    ServiceController controller = new ServiceController(Duration.ofSeconds(10));
    EndpointAnnouncer announcer = EndpointAnnouncer.NONE;
    MetricsRegistry registry = new MetricsRegistry();
    UnaryOperator<NodeStatus> chainFacts = UnaryOperator.identity();
    Optional<Chain> consoleChain = Optional.empty();
    if (subnet.isPresent()) {
      ChainConnection subtensor =
          ChainConnection.subtensor(context, subnet.get(), KeyId.of(key.publicKey()), "miner");
      controller.add(new Closing("subtensor", subtensor));
      Chain onSubtensor = subtensor.chain();
      controller.add(
          new MetagraphSync(onSubtensor, directory, Duration.ofSeconds(metagraphRefreshSeconds)));
      announcer =
          new ChainEndpoint(onSubtensor, key, owner, advertised(bind), Duration.ofSeconds(60));
      chainFacts = ChainFacts.of(onSubtensor, registry);
      consoleChain = Optional.of(onSubtensor);
    } else if (remote.isPresent()) {
      ChainConnectOptions.Remote r = remote.get();
      ProtocolClient client = NettyProtocolClient.create(key, ClientLimits.defaults());
      controller.add(new Closing("chain-client", client));
      Chain remoteChain =
          new RemoteChain(
              client,
              new PeerEndpoint(r.host(), r.port(), r.authority(), KeyScheme.ED25519),
              Duration.ofSeconds(30));
      controller.add(
          new MetagraphSync(remoteChain, directory, Duration.ofSeconds(metagraphRefreshSeconds)));
      announcer =
          new ChainEndpoint(remoteChain, key, owner, advertised(bind), Duration.ofSeconds(60));
      chainFacts = ChainFacts.of(remoteChain, registry);
      consoleChain = Optional.of(remoteChain);
    }
    MinerSettings settings =
        new MinerSettings(
            ConfigLibrary.inHome(homeDir),
            new InetSocketAddress(bind.getHostString(), bind.getPort()),
            intake.policy(),
            ServerLimits.defaults());
    AtomicReference<MinerService> built = new AtomicReference<>();
    MinerService miner =
        MinerService.builder(settings, key)
            .directory(directory)
            .servers(NettyProtocolServer::start)
            .announcer(announcer)
            .metrics(registry)
            .statusFacts(chainFacts)
            .console(NodeConsole.miner(built::get, consoleChain, () -> built.get().status()))
            .build();
    built.set(miner);
    controller.add(miner);
    try {
      controller.start();
    } catch (Exception e) {
      // a bind failure can arrive as a bare BindException, without the address
      throw new CommandFailedException(
          "miner did not start on " + ListenAddress.format(bind) + ": " + e.getMessage(), e);
    }
    PortsFile ports;
    try {
      ports =
          PortsFile.write(
              homeDir, "miner", miner.hotkey(), key.scheme(), miner.address().getPort());
    } catch (RuntimeException e) {
      controller.stop();
      throw e;
    }
    announce(miner, bind);
    awaitShutdown(controller, ports);
    return ExitCode.OK;
  }

  private Map<KeyId, KeyScheme> allowedValidators(boolean onChain) {
    if (validators.isEmpty() && !onChain) {
      throw new UserInputException(
          "--validator: none given (expected: the key id of at least "
              + "one validator allowed to query, or --chain-endpoint and --chain-authority to admit "
              + "the chain's validators)");
    }
    Map<KeyId, KeyScheme> allowed = new HashMap<>();
    for (String v : validators) {
      String text = v.trim();
      int colon = text.indexOf(':');
      try {
        KeyScheme scheme =
            colon < 0 ? KeyScheme.SR25519 : KeyScheme.fromWireName(text.substring(0, colon));
        allowed.put(KeyId.parse(text.substring(colon + 1)), scheme);
      } catch (IllegalArgumentException e) {
        throw new UserInputException("--validator: " + e.getMessage(), e);
      }
    }
    return allowed;
  }

  private String advertised(InetSocketAddress bind) {
    if (advertiseHost != null && !advertiseHost.isBlank()) {
      return advertiseHost;
    }
    String host = bind.getHostString();
    return host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
  }

  private void announce(MinerService miner, InetSocketAddress bind) {
    context.out().println("miner " + miner.hotkey() + " listening on " + miner.address());
    context
        .out()
        .println(
            "configurations: git clone http://"
                + advertised(bind)
                + ":"
                + miner.address().getPort()
                + "/git/configs.git");
    context.out().flush();
  }

  /** Blocks until SIGTERM/Ctrl-C (the shutdown hook) or an interrupt (tests), then stops. */
  private static void awaitShutdown(ServiceController controller, PortsFile ports) {
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              controller.stop();
              ports.delete();
              stopped.countDown();
            },
            "aurelius-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      stopped.await();
    } catch (InterruptedException e) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException alreadyShuttingDown) {
        return; // the hook is running and stops everything
      }
      controller.stop(); // with the interrupt cleared, so the stop waits for the services
      ports.delete();
      Thread.currentThread().interrupt();
    }
  }

  /** Closes a resource when the node stops (started first, so it is closed last). */
  private static final class Closing extends AbstractService {
    private final String name;
    private final AutoCloseable resource;

    Closing(String name, AutoCloseable resource) {
      this.name = name;
      this.resource = resource;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    protected void doStart() {}

    @Override
    protected void doStop() throws Exception {
      resource.close();
    }
  }
}
