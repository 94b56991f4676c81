package io.aurelius.node.cli;

import static java.util.Objects.requireNonNull;

import io.aurelius.node.cli.bench.BenchCommand;
import io.aurelius.node.cli.chain.ChainCommand;
import io.aurelius.node.cli.config.ConfigCommand;
import io.aurelius.node.cli.corpus.CorpusCommand;
import io.aurelius.node.cli.devnet.DevnetCommand;
import io.aurelius.node.cli.doctor.DoctorCommand;
import io.aurelius.node.cli.judge.JudgeCommand;
import io.aurelius.node.cli.judge.ScoreCommand;
import io.aurelius.node.cli.keys.KeysCommand;
import io.aurelius.node.cli.miner.MinerCommand;
import io.aurelius.node.cli.module.ModuleCommand;
import io.aurelius.node.cli.simllm.SimLlmCommand;
import io.aurelius.node.cli.simulate.SimulateCommand;
import io.aurelius.node.cli.validator.ValidatorCommand;
import java.lang.reflect.Constructor;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/** The root {@code aurelius} command. Subcommands are the node's roles and tools. */
@Command(
    name = "aurelius",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Miner and validator node, and researcher's tool, for an Aurelius subnet.",
      "Every option is also an AURELIUS_* environment variable and a key in the YAML file",
      "given by --config-file (flag > environment > file > default)."
    },
    subcommands = {
      BenchCommand.class,
      ChainCommand.class,
      ConfigCommand.class,
      CorpusCommand.class,
      DevnetCommand.class,
      DoctorCommand.class,
      JudgeCommand.class,
      KeysCommand.class,
      MinerCommand.class,
      ModuleCommand.class,
      ScoreCommand.class,
      SimLlmCommand.class,
      SimulateCommand.class,
      ValidatorCommand.class,
      CommandLine.HelpCommand.class
    })
public final class AureliusCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(AureliusCommand.class);

  @Option(
      names = SettingsSource.CONFIG_FILE_OPTION,
      paramLabel = "FILE",
      description = "YAML file of settings (env: " + SettingsSource.CONFIG_FILE_ENV + ").")
  @SuppressWarnings("unused") // read before parsing by SettingsSource
  private String configFile;

  @Spec private CommandSpec spec;

  private final CliContext context;

  public AureliusCommand(CliContext context) {
    this.context = requireNonNull(context, "context");
  }

  @Override
  public Integer call() {
    // The spec's own CommandLine: a new one would build subcommands without the context factory.
    spec.commandLine().usage(context.out());
    return ExitCode.OK;
  }

  /** Parses and runs {@code args}; returns the exit code. Never throws. */
  public static int run(String[] args, CliContext context) {
    SettingsSource settings;
    try {
      settings = SettingsSource.load(args, context);
    } catch (UserInputException e) {
      context.err().println("error: " + e.getMessage());
      context.err().flush();
      return ExitCode.BAD_INPUT;
    }
    CommandLine cli = new CommandLine(AureliusCommand.class, new ContextFactory(context));
    cli.setOut(context.out());
    cli.setErr(context.err());
    cli.setDefaultValueProvider(settings);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionStrategy(
        parseResult -> {
          try {
            settings.checkKeys(chain(parseResult));
          } catch (UserInputException e) {
            context.err().println("error: " + e.getMessage());
            return ExitCode.BAD_INPUT;
          }
          return new CommandLine.RunLast().execute(parseResult);
        });
    cli.setParameterExceptionHandler(AureliusCommand::onBadParameters);
    cli.setExecutionExceptionHandler((e, cmd, parseResult) -> onError(e, context));
    int code = cli.execute(args);
    context.out().flush();
    context.err().flush();
    return code;
  }

  private static List<CommandLine> chain(ParseResult parseResult) {
    List<CommandLine> commands = new java.util.ArrayList<>();
    for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
      commands.add(p.commandSpec().commandLine());
    }
    return commands;
  }

  private static int onBadParameters(ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    cmd.getErr().println("error: " + e.getMessage());
    cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
    cmd.getErr().flush();
    return ExitCode.BAD_INPUT;
  }

  private static int onError(Exception e, CliContext context) {
    Throwable cause = e;
    if (cause instanceof CommandLine.ExecutionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    int code;
    if (cause instanceof UserInputException || cause instanceof CommandLine.ParameterException) {
      code = ExitCode.BAD_INPUT;
      LOG.debug("bad input", cause);
    } else if (cause instanceof CommandFailedException) {
      code = ExitCode.FAILURE;
      LOG.debug("command failed", cause);
    } else {
      code = ExitCode.FAILURE;
      LOG.error("unexpected failure", cause);
    }
    String message =
        cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    context.err().println("error: " + message.lines().findFirst().orElse(message));
    context.err().flush();
    return code;
  }

  /** Builds commands, handing {@link CliContext} to any that take it in their constructor. */
  private static final class ContextFactory implements CommandLine.IFactory {
    private final CliContext context;

    ContextFactory(CliContext context) {
      this.context = context;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
      for (Constructor<?> constructor : cls.getDeclaredConstructors()) {
        Class<?>[] params = constructor.getParameterTypes();
        if (params.length == 1 && params[0] == CliContext.class) {
          constructor.setAccessible(true);
          return cls.cast(constructor.newInstance(context));
        }
      }
      return CommandLine.defaultFactory().create(cls);
    }
  }
}
