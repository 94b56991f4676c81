package io.aurelius.node.cli.miner;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.identity.KeyName;
import io.aurelius.core.identity.KeyStore;
import io.aurelius.core.identity.KeyStoreException;
import io.aurelius.core.metrics.MetricsRegistry;
import io.aurelius.core.protocol.InMemoryPeerDirectory;
import io.aurelius.core.service.ServiceController;
import io.aurelius.core.transport.ServerLimits;
import io.aurelius.core.transport.netty.NettyProtocolServer;
import io.aurelius.miner.library.ConfigLibrary;
import io.aurelius.miner.service.MinerService;
import io.aurelius.miner.service.MinerSettings;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.CommandFailedException;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.node.cli.HomeOptions;
import io.aurelius.node.cli.PortsFile;
import io.aurelius.node.cli.UserInputException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aurelius miner run}: the miner node, until SIGTERM or Ctrl-C. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Run the miner: answer validators' signed queries on POST /v1/miner/query "
        + "with signed submissions, rotating through the library; serve the library read-only "
        + "at /git/configs.git, and /healthz and /metrics, all on one port.",
        "The bound port is written to <home>/ports.json (removed on exit). Stops gracefully on "
            + "SIGTERM or Ctrl-C."})
final class MinerRunCommand implements Callable<Integer> {
  @Mixin private HomeOptions home;
  @Mixin private IntakeOptions intake;

  @Option(names = "--hotkey", paramLabel = "KEY",
      description = "The miner's hotkey in <home>/keys: its name or key id.")
  private String hotkey;

  @Option(names = "--listen-host", paramLabel = "HOST", defaultValue = "0.0.0.0",
      description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  private String listenHost;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "8091",
      description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  private int port;

  @Option(names = "--validator", paramLabel = "KEYID", split = ",",
      description = "A validator hotkey allowed to query (repeatable, or comma-separated). "
          + "Other senders are refused with 403.")
  private List<String> validators = new ArrayList<>();

  private final CliContext context;

  MinerRunCommand(CliContext context) {
    this.context = requireNonNull(context, "context");
  }

  @Override
  public Integer call() {
    if (port < 0 || port > 65535) {
      throw new UserInputException("--port: " + port + " (expected: 0..65535)");
    }
    InMemoryPeerDirectory directory = directory();
    Path homeDir = home.home(context);
    Ed25519KeyPair key = hotkey(homeDir);
    MinerSettings settings = new MinerSettings(ConfigLibrary.inHome(homeDir),
        new InetSocketAddress(listenHost, port), intake.policy(), ServerLimits.defaults());
    MinerService miner = MinerService.builder(settings, key)
        .directory(directory)
        .servers(NettyProtocolServer::start)
        .metrics(new MetricsRegistry())
        .build();
    ServiceController controller = new ServiceController(Duration.ofSeconds(10)).add(miner);
    try {
      controller.start();
    } catch (Exception e) {
      // a bind failure can arrive as a bare BindException, without the address
      throw new CommandFailedException("miner did not start on " + listenHost + ":" + port
          + ": " + e.getMessage(), e);
    }
    PortsFile ports;
    try {
      ports = PortsFile.write(homeDir, "miner", miner.hotkey(), miner.address().getPort());
    } catch (RuntimeException e) {
      controller.stop();
      throw e;
    }
    announce(miner);
    awaitShutdown(controller, ports);
    return ExitCode.OK;
  }

  private void announce(MinerService miner) {
    String host = listenHost.equals("0.0.0.0") || listenHost.equals("::") ? "127.0.0.1"
        : listenHost;
    int bound = miner.address().getPort();
    context.out().println("miner " + miner.hotkey() + " listening on " + miner.address());
    context.out().println("configurations: git clone http://" + host + ":" + bound
        + "/git/configs.git");
    context.out().flush();
  }

  /** Blocks until SIGTERM/Ctrl-C (the shutdown hook) or an interrupt (tests), then stops. */
  private static void awaitShutdown(ServiceController controller, PortsFile ports) {
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      controller.stop();
      ports.delete();
      stopped.countDown();
    }, "aurelius-shutdown");
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

  private InMemoryPeerDirectory directory() {
    if (validators.isEmpty()) {
      throw new UserInputException("--validator: none given (expected: the key id of at least "
          + "one validator allowed to query this miner)");
    }
    InMemoryPeerDirectory directory = new InMemoryPeerDirectory();
    for (String v : validators) {
      try {
        directory.register(KeyId.parse(v.trim()), 1);
      } catch (IllegalArgumentException e) {
        throw new UserInputException("--validator: " + e.getMessage(), e);
      }
    }
    return directory;
  }

  private Ed25519KeyPair hotkey(Path homeDir) {
    if (hotkey == null || hotkey.isBlank()) {
      throw new UserInputException("--hotkey: missing (expected: the name or key id of a hotkey "
          + "in " + KeyStore.inHome(homeDir).directory() + "; create one with 'aurelius keys new "
          + "--name miner')");
    }
    KeyStore store = KeyStore.inHome(homeDir);
    try {
      KeyName name = KeyName.looksLikeName(hotkey) ? KeyName.of(hotkey)
          : store.find(KeyId.parse(hotkey)).name();
      return store.loadHotkey(name);
    } catch (KeyStoreException e) {
      throw e.reason().isBadInput() ? new UserInputException("--hotkey: " + e.getMessage(), e)
          : new CommandFailedException(e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--hotkey: " + e.getMessage(), e);
    }
  }
}
