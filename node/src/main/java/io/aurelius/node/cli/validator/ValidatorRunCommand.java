package io.aurelius.node.cli.validator;

import static java.util.Objects.requireNonNull;

import io.aurelius.config.module.ModuleRegistry;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.crypto.Signer;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.metrics.MetricsRegistry;
import io.aurelius.core.service.ServiceController;
import io.aurelius.judge.api.Judges;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.CommandFailedException;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.node.cli.LegacyListenOptions;
import io.aurelius.node.cli.ListenAddress;
import io.aurelius.node.cli.PortsFile;
import io.aurelius.node.cli.UserInputException;
import io.aurelius.node.cli.chain.ChainConnectOptions;
import io.aurelius.node.cli.chain.ChainConnection;
import io.aurelius.node.cli.chain.ChainDirOptions;
import io.aurelius.node.cli.chain.NetworkOptions;
import io.aurelius.node.cli.keys.SigningKeys;
import io.aurelius.node.cli.keys.WalletOptions;
import io.aurelius.node.cli.simulate.ModelOptions;
import io.aurelius.node.daemon.LogKey;
import io.aurelius.node.daemon.ValidatorOps;
import io.aurelius.validator.consensus.Quorum;
import io.aurelius.validator.epoch.CovenantUlfr;
import io.aurelius.validator.epoch.EpochListener;
import io.aurelius.validator.modules.CovenantAdoptions;
import io.aurelius.validator.service.ValidatorService;
import io.aurelius.validator.service.ValidatorSettings;
import io.aurelius.worldmodel.agent.models.ModelSpec;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aurelius validator run}: the validator node, for N epochs or until SIGTERM/Ctrl-C. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run the validator: one epoch per chain epoch (sync, query miners, admit, simulate, judge, "
          + "rank, agree on the corpus, anchor, set weights by commit and reveal). Serves validator/verdicts, "
          + "validator/cosign and /git/configs.git, /git/corpus.git, /git/world-model.git on one port.",
      "Its work is kept in <home>/validator/state.db: killed and restarted, it resumes the epoch. The bound "
          + "port is written to <home>/ports.json. Stops gracefully on SIGTERM or Ctrl-C."
    })
final class ValidatorRunCommand implements Callable<Integer> {
  @Mixin private ChainDirOptions dirOptions;
  @Mixin private ChainConnectOptions connect;
  @Mixin private NetworkOptions network;
  @Mixin private WalletOptions wallet;

  @Option(
      names = "--hotkey",
      paramLabel = "KEY",
      description =
          "The validator's hotkey in <home>: a wallet key WALLET/HOTKEY, a legacy key's name, or a"
              + " key id. Or name a Bittensor wallet with --wallet.name/--wallet.hotkey.")
  private String hotkey;

  @Option(
      names = "--listen",
      paramLabel = "HOST:PORT",
      defaultValue = "127.0.0.1:8092",
      description =
          "Where to serve the protocol, git, /healthz and /metrics; port 0 picks a free one, "
              + "0.0.0.0:PORT serves other machines (default: ${DEFAULT-VALUE}).")
  private String listen;

  @Mixin private LegacyListenOptions legacyListen;

  @Option(
      names = "--advertise-host",
      paramLabel = "HOST",
      defaultValue = "127.0.0.1",
      description =
          "Host announced on the chain as this validator's endpoint (default: ${DEFAULT-VALUE}).")
  private String advertiseHost;

  @Mixin private ModelOptions model;
  @Mixin private JudgingOptions judging;
  @Mixin private DeadlineOptions deadlines;
  @Mixin private StampingOptions stamping;
  @Mixin private TrustWeightOptions trust;
  @Mixin private ModuleOptions modules;

  @Option(
      names = "--covenant",
      paramLabel = "DIR",
      description =
          "The covenant log (bare git repository) whose parameters.ulfr weights each epoch scores"
              + " with, read at every epoch start, and where each world-model adoption is"
              + " appended as an amendment (with the validator's log key); the registry must"
              + " hold the covenant's world-model version (default: none, ulfr-v1).")
  private Path covenant;

  @Option(
      names = "--seeds",
      paramLabel = "N",
      defaultValue = "2",
      description = "Runs per framing for each configuration (default: ${DEFAULT-VALUE}).")
  private int seeds;

  @Option(
      names = "--quorum",
      paramLabel = "FRACTION",
      defaultValue = "2/3",
      description =
          "Share of validator stake whose approval puts an aene in the corpus (default: ${DEFAULT-VALUE}).")
  private String quorum;

  @Option(
      names = "--epochs",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "Epochs to run before exiting; 0 runs until stopped (default: ${DEFAULT-VALUE}).")
  private int epochs;

  private final CliContext context;

  ValidatorRunCommand(CliContext context) {
    this.context = requireNonNull(context, "context");
  }

  @Override
  public Integer call() throws Exception {
    ValidatorSettings settings = settings();
    Path home = dirOptions.home().home(context);
    if (!wallet.isSet() && (hotkey == null || hotkey.isBlank())) {
      throw new UserInputException(
          "--hotkey: missing (expected: a hotkey in "
              + home
              + " such as validator/default, made with 'aurelius keys new --name validator', or a"
              + " Bittensor wallet named with --wallet.name and --wallet.hotkey)");
    }
    Signer key = SigningKeys.hotkeySigner(dirOptions.home(), context, wallet, "--hotkey", hotkey);
    Ed25519KeyPair logKey = LogKey.of(key, home);
    ValidatorService.Builder builder = stamping.apply(ValidatorService.builder(settings, key));
    Optional<NetworkOptions.Subnet> subnet = network.subnet();
    try (ChainConnection chain =
        subnet.isPresent()
            ? ChainConnection.subtensor(
                context, subnet.get(), KeyId.of(key.publicKey()), "validator")
            : ChainConnection.open(context, dirOptions, connect, key)) {
      ValidatorService validator =
          new ValidatorOps(chain.chain(), settings.models(), new MetricsRegistry())
              .attach(
                  builder
                      .logKey(logKey)
                      .chain(chain.chain())
                      .model(model.open())
                      .judges(openJudges(settings))
                      .announce(advertiseHost)
                      .maxEpochs(epochs),
                  EpochListener.NONE);
      ServiceController controller = new ServiceController(Duration.ofSeconds(15)).add(validator);
      try {
        controller.start();
      } catch (Exception e) {
        throw new CommandFailedException(
            "validator did not start on "
                + ListenAddress.format(settings.bind())
                + ": "
                + e.getMessage(),
            e);
      }
      PortsFile ports =
          PortsFile.write(
              home, "validator", validator.hotkey(), key.scheme(), validator.address().getPort());
      int bound = validator.address().getPort();
      context
          .out()
          .println("validator " + validator.hotkey() + " listening on " + validator.address());
      context
          .out()
          .println("corpus: git clone http://" + advertiseHost + ":" + bound + "/git/corpus.git");
      context
          .out()
          .println(
              "configurations: git clone http://"
                  + advertiseHost
                  + ":"
                  + bound
                  + "/git/configs.git");
      context
          .out()
          .println(
              "world model: git clone http://"
                  + advertiseHost
                  + ":"
                  + bound
                  + "/git/world-model.git");
      context.out().flush();
      awaitShutdown(controller, ports, validator, epochs > 0);
    }
    return ExitCode.OK;
  }

  ValidatorSettings settings() {
    InetSocketAddress bind =
        legacyListen.apply(ListenAddress.parse(listen, "--listen"), context.err());
    if (epochs < 0) {
      throw new UserInputException(
          "--epochs: " + epochs + " (expected: 0 for forever, or a positive count)");
    }
    List<String> models = model.specs().stream().map(ModelSpec::text).toList();
    model.policy();
    stamping.check();
    try {
      ValidatorSettings base = ValidatorSettings.defaults(dirOptions.home().home(context));
      Quorum corpusQuorum = Quorum.parse(quorum);
      if (covenant != null) {
        Path log = covenant.toAbsolutePath();
        try {
          new CovenantUlfr(log).get();
          // A registry behind the covenant (or on another line of adoptions) cannot run.
          CovenantAdoptions.check(
              log, ModuleRegistry.open(base.validatorDir().resolve("world-model")));
        } catch (IllegalStateException e) {
          throw new UserInputException("--covenant: " + e.getMessage(), e);
        }
        base = base.withCovenant(log);
      }
      return base.withBind(new InetSocketAddress(bind.getHostString(), bind.getPort()))
          .withModels(models)
          .withJudging(judging.setup(model.apiKey()))
          .withRejudgeRate(judging.rejudgeRate())
          .withRejudgeWorkers(judging.rejudgeWorkers())
          .withSeeds(seeds)
          .withQuorum(corpusQuorum)
          .withModules(modules.settings(corpusQuorum))
          .withTrust(trust.policy())
          .withDeadlines(deadlines.deadlines());
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--" + e.getMessage(), e);
    }
  }

  /** The judges with their threads, timeouts, tries and the API key; a bad spec is a user error. */
  private static Judges openJudges(ValidatorSettings settings) {
    try {
      return Judges.open(settings.judging());
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--" + e.getMessage(), e);
    }
  }

  /** Blocks until SIGTERM/Ctrl-C, an interrupt (tests), or the last epoch; then stops. */
  private static void awaitShutdown(
      ServiceController controller, PortsFile ports, ValidatorService validator, boolean bounded) {
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
      if (bounded) {
        validator.awaitEpochs();
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
          return;
        }
        controller.stop();
        ports.delete();
        return;
      }
      stopped.await();
    } catch (InterruptedException e) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException alreadyShuttingDown) {
        return;
      }
      controller.stop();
      ports.delete();
      Thread.currentThread().interrupt();
    }
  }
}
