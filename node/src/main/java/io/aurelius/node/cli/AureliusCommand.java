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
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
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
  private static final Pattern LEADING_OPTION = Pattern.compile("(--[a-z0-9][a-z0-9-]*)[: ]");

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
    CommandLine cli = commandLine(context);
    cli.setOut(context.out());
    cli.setErr(context.err());
    cli.setDefaultValueProvider(settings);
    cli.setExecutionStrategy(
        parseResult -> {
          try {
            refuseUnmatched(parseResult);
            settings.checkKeys(parseResult.commandSpec().root().commandLine());
          } catch (UserInputException e) {
            context.err().println("error: " + e.getMessage());
            return ExitCode.BAD_INPUT;
          }
          return new CommandLine.RunLast().execute(parseResult);
        });
    cli.setParameterExceptionHandler((e, badArgs) -> onBadParameters(e, settings, args));
    cli.setExecutionExceptionHandler(
        (e, cmd, parseResult) -> onError(e, cmd, settings, args, context));
    int code = cli.execute(args);
    context.out().flush();
    context.err().flush();
    return code;
  }

  /** The command tree, its commands built with {@code context}; not yet told how to run. */
  static CommandLine commandLine(CliContext context) {
    CommandLine cli = new CommandLine(AureliusCommand.class, new ContextFactory(context));
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    return cli;
  }

  /**
   * picocli lets words it could not match pass when help is asked for ({@code aurelius
   * no-such-command --help} would print the top-level help and succeed): an unknown command or
   * option is an error whatever follows it.
   */
  static void refuseUnmatched(ParseResult parseResult) {
    for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
      if (p.unmatched().isEmpty()) {
        continue;
      }
      String word = p.unmatched().get(0);
      CommandSpec spec = p.commandSpec();
      String qualified = spec.qualifiedName();
      if (!word.startsWith("-") && !spec.subcommands().isEmpty()) {
        throw new UserInputException(
            "unknown command '"
                + word
                + "' for '"
                + qualified
                + "' (expected one of: "
                + String.join(", ", spec.subcommands().keySet())
                + ")");
      }
      throw new UserInputException(
          "unknown "
              + (word.startsWith("-") ? "option" : "argument")
              + " '"
              + word
              + "' for '"
              + qualified
              + "' (try '"
              + qualified
              + " --help')");
    }
  }

  private static int onBadParameters(ParameterException e, SettingsSource settings, String[] args) {
    CommandLine cmd = e.getCommandLine();
    String message = firstLine(e.getMessage());
    Optional<String> origin =
        e.getArgSpec() instanceof OptionSpec option
            ? settings.origin(option, args)
            : Optional.empty();
    cmd.getErr()
        .println(
            "error: "
                + message
                + origin.map(o -> " (from " + o + ")").orElse("")
                + " (try '"
                + cmd.getCommandSpec().qualifiedName()
                + " --help')");
    cmd.getErr().flush();
    return ExitCode.BAD_INPUT;
  }

  private static int onError(
      Exception e, CommandLine cmd, SettingsSource settings, String[] args, CliContext context) {
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
        firstLine(
            cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
    if (code == ExitCode.BAD_INPUT) {
      message +=
          originOfNamedOption(message, cmd, settings, args)
              .map(o -> " (from " + o + ")")
              .orElse("");
    }
    context.err().println("error: " + message);
    context.err().flush();
    return code;
  }

  /**
   * A bad-input message that starts with an option's name ({@code --timeout: '5' (expected ...)})
   * is about that option's value; if the value came from the environment or the config file, say
   * which.
   */
  private static Optional<String> originOfNamedOption(
      String message, CommandLine cmd, SettingsSource settings, String[] args) {
    Matcher m = LEADING_OPTION.matcher(message);
    if (!m.lookingAt() || cmd == null) {
      return Optional.empty();
    }
    OptionSpec option = cmd.getCommandSpec().findOption(m.group(1));
    return option == null ? Optional.empty() : settings.origin(option, args);
  }

  private static String firstLine(String message) {
    return message.lines().findFirst().orElse(message).strip();
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
