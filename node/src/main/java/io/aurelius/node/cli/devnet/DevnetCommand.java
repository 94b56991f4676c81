package io.aurelius.node.cli.devnet;

import static java.util.Objects.requireNonNull;

import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.CommandFailedException;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.node.cli.UserInputException;
import io.aurelius.node.daemon.StatusLogger;
import io.aurelius.node.devnet.Devnet;
import io.aurelius.node.devnet.DevnetSettings;
import io.aurelius.node.devnet.DevnetWorldModel;
import io.aurelius.worldmodel.sim.server.LatencyDistribution;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aurelius devnet}: a whole subnet on loopback, in this process. */
@Command(
    name = "devnet",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Start a whole subnet on loopback in this process: a dev chain, the sim model "
          + "server, three miners with different catalogue configurations and two validators, each "
          + "on its own port, registered and staked on the chain; run epochs, showing progress; "
          + "then print the summary: scores, weights, Yuma incentive, submissions, accepted aenes, "
          + "the corpus checkpoint and the git URLs to clone.",
      "Model output comes from the sim model (labelled sim), served over HTTP as an "
          + "OpenAI-compatible endpoint."
    })
public final class DevnetCommand implements Callable<Integer> {
  @Option(
      names = "--home",
      paramLabel = "DIR",
      defaultValue = ".aurelius-devnet",
      description =
          "Devnet directory; an earlier devnet there is wiped (default: ${DEFAULT-VALUE}).")
  private Path home;

  @Option(
      names = "--epochs",
      paramLabel = "N",
      defaultValue = "2",
      description = "Validator epochs to run (default: ${DEFAULT-VALUE}).")
  private int epochs;

  @Option(
      names = "--seeds",
      paramLabel = "N",
      defaultValue = "1",
      description = "World-model seeds per configuration and framing (default: ${DEFAULT-VALUE}).")
  private int seeds;

  @Option(
      names = "--block-interval-ms",
      paramLabel = "MS",
      defaultValue = "250",
      description = "Time between the dev chain's blocks (default: ${DEFAULT-VALUE}).")
  private long blockIntervalMillis;

  @Option(
      names = "--tempo",
      paramLabel = "BLOCKS",
      defaultValue = "8",
      description = "Blocks between the chain's Yuma epochs (default: ${DEFAULT-VALUE}).")
  private int tempo;

  @Option(
      names = "--model-latency",
      paramLabel = "DIST",
      defaultValue = "fixed:0ms",
      description =
          "How long the sim server takes per model and judge call: fixed:D, uniform:MIN..MAX or "
              + "lognormal:MEDIAN,SIGMA, e.g. uniform:2s..8s for hosted-model timing (default: ${DEFAULT-VALUE}).")
  private String modelLatency;

  @Option(
      names = "--model-rate-limit-rate",
      paramLabel = "P",
      defaultValue = "0",
      description =
          "Share of model and judge calls answered 429, 0..0.5 (default: ${DEFAULT-VALUE}).")
  private double rateLimitRate;

  @Option(
      names = "--ots-calendar",
      paramLabel = "URL",
      split = ",",
      description =
          "OpenTimestamps calendar the validators stamp each checkpoint with (repeatable). None (the"
              + " default, as a devnet runs offline): a local devnet calendar on loopback, which"
              + " never reaches Bitcoin, so every stamp stays pending.")
  private List<String> otsCalendars = new ArrayList<>();

  @Option(
      names = {"--keep-running", "--keep-running-enabled"},
      paramLabel = "BOOL",
      arity = "0..1",
      fallbackValue = "true",
      defaultValue = "false",
      description =
          "After the summary, keep running epochs (a live subnet for the console and Grafana) "
              + "until Ctrl-C (default: ${DEFAULT-VALUE}).")
  private boolean keepRunning;

  @Option(
      names = {"--dishonest-validator", "--dishonest-validator-enabled"},
      paramLabel = "BOOL",
      arity = "0..1",
      fallbackValue = "true",
      defaultValue = "false",
      description =
          "The last validator always approves, every aene at probability 0.99; the summary shows"
              + " its trust falling and its quorum weight shrinking (default: ${DEFAULT-VALUE}).")
  private boolean dishonestValidator;

  @Option(
      names = "--module",
      paramLabel = "NAME",
      description =
          "The first miner submits this shipped world-model module (promises, whisper, recollect)"
              + " and serves only a catalogue scenario that imports it; the validators A/B the"
              + " module and adopt it on a 3/4 quorum in two consecutive epochs, and admit the"
              + " importing scenario from then on. With --epochs 3 --module recollect: adopted in"
              + " epoch 2, the scenario runs and replays under world model 1 in epoch 3.")
  private String module;

  private final CliContext context;

  private List<URI> otsCalendars() {
    List<URI> out = new ArrayList<>();
    for (String url : otsCalendars) {
      if (!url.matches("https?://[A-Za-z0-9.:\\-]+(/[A-Za-z0-9._/\\-]*)?")) {
        throw new UserInputException(
            "--ots-calendar: '" + url + "' (expected: http(s)://host[:port][/path])");
      }
      out.add(URI.create(url));
    }
    return out;
  }

  public DevnetCommand(CliContext context) {
    this.context = requireNonNull(context, "context");
  }

  @Override
  public Integer call() throws Exception {
    quietDaemonStatusLines();
    LatencyDistribution latency;
    try {
      latency = LatencyDistribution.parse(modelLatency);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(
          "--model-latency: '"
              + modelLatency
              + "' (expected: fixed:D, uniform:MIN..MAX or lognormal:MEDIAN,SIGMA, durations like"
              + " 250ms, 2s or 1m)",
          e);
    }
    List<URI> calendars = otsCalendars();
    DevnetSettings settings;
    try {
      settings =
          new DevnetSettings(
              context.resolve(home),
              epochs,
              seeds,
              blockIntervalMillis,
              tempo,
              latency,
              rateLimitRate,
              calendars,
              dishonestValidator);
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--" + e.getMessage(), e);
    }
    PrintWriter out = context.out();
    long started = System.nanoTime();
    StatusLogger.STATUS.devnetStarting(settings.home().toString());
    if (module != null) {
      try {
        DevnetWorldModel.shipped(module);
      } catch (IllegalArgumentException e) {
        throw new UserInputException("--" + e.getMessage(), e);
      }
    }
    Devnet devnet;
    try {
      devnet =
          Devnet.start(
              settings,
              line -> {
                out.println(line);
                out.flush();
              },
              Optional.ofNullable(module));
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--home: " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new CommandFailedException("devnet: " + e.getMessage(), e);
    }
    DevnetWorldModel.importingConfiguration(devnet)
        .ifPresent(
            doc ->
                out.println(
                    devnet.miners().get(0).name()
                        + " submits module "
                        + module
                        + " and serves "
                        + doc.path("name").asText()
                        + ", which imports it"));
    try {
      out.println(
          "running "
              + settings.epochs()
              + (settings.epochs() == 1 ? " epoch" : " epochs")
              + " on both validators");
      out.flush();
      try {
        devnet.runEpochs(settings.epochs());
      } catch (RuntimeException e) {
        throw new CommandFailedException("devnet: " + e.getMessage(), e);
      }
      long seconds = (System.nanoTime() - started) / 1_000_000_000L;
      StatusLogger.STATUS.devnetFinished(settings.epochs(), seconds);
      devnet.summary().print(out);
      if (module != null) {
        DevnetWorldModel.print(devnet, out);
      }
      out.println(
          "devnet ran "
              + settings.epochs()
              + (settings.epochs() == 1 ? " epoch" : " epochs")
              + " in "
              + seconds
              + " s; its files are in "
              + settings.home());
      if (keepRunning) {
        out.println("devnet up; epochs keep coming; press Ctrl-C to stop");
        out.flush();
        keepRunning(devnet, out);
      }
    } finally {
      devnet.close();
    }
    return ExitCode.OK;
  }

  /**
   * Runs one epoch after another, so the subnet stays live (weights, incentive, corpus growth),
   * until Ctrl-C/SIGTERM (the hook stops the devnet before the JVM exits) or an interrupt. An epoch
   * that fails is reported in one line and the next one runs.
   */
  private static void keepRunning(Devnet devnet, PrintWriter out) {
    AtomicBoolean stopping = new AtomicBoolean();
    Thread hook =
        new Thread(
            () -> {
              stopping.set(true);
              StatusLogger.STATUS.shutdownRequested("the devnet");
              devnet.close();
            },
            "devnet-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      while (!stopping.get() && !Thread.currentThread().isInterrupted()) {
        try {
          devnet.runEpochs(1);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } catch (Exception e) {
          if (causedByInterrupt(e)) {
            Thread.currentThread().interrupt();
          } else if (!stopping.get()) {
            out.println("devnet: epoch failed: " + e.getMessage() + "; running the next one");
            out.flush();
          }
        }
      }
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook ran
      }
    }
    // The interrupt asked for this stop: consume it, so closing the devnet can wait for each
    // service to stop.
    Thread.interrupted();
  }

  private static boolean causedByInterrupt(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InterruptedException) {
        return true;
      }
    }
    return false;
  }

  /**
   * The devnet prints its own progress line for every daemon event; the daemons' operator status
   * lines would say each thing twice. They stay at warn unless the user asked for them.
   * (slf4j-simple reads a logger's level when the logger is first created, which for the role
   * loggers is when the devnet starts its services, after this.)
   */
  private static void quietDaemonStatusLines() {
    for (String role : new String[] {"validator", "miner", "chain", "node"}) {
      String key = "org.slf4j.simpleLogger.log.aurelius.status." + role;
      if (System.getProperty(key) == null) {
        System.setProperty(key, "warn");
      }
    }
  }
}
