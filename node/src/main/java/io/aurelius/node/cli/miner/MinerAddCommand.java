package io.aurelius.node.cli.miner;

import static java.util.Objects.requireNonNull;

import io.aurelius.config.CompiledConfig;
import io.aurelius.config.validation.Limits;
import io.aurelius.miner.intake.Intake;
import io.aurelius.miner.intake.IntakeResult;
import io.aurelius.miner.library.ConfigLibrary;
import io.aurelius.miner.library.LibraryEntry;
import io.aurelius.miner.library.LibraryException;
import io.aurelius.miner.modules.MinerModules;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.node.cli.HomeOptions;
import io.aurelius.node.cli.UserInputException;
import io.aurelius.node.cli.config.ConfigFiles;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code aurelius miner add FILE...}: validates, lints and adds configurations. */
@Command(
    name = "add",
    mixinStandardHelpOptions = true,
    description = {
      "Add configuration files to the library, one commit each.",
      "Every file is validated and linted first; if any is refused, its problems are printed "
          + "(one line each) and nothing is added (exit 2). A configuration already in the "
          + "library is reported and skipped."
    })
final class MinerAddCommand implements Callable<Integer> {
  @Mixin private HomeOptions home;
  @Mixin private IntakeOptions intake;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Configuration files (JSON).")
  private List<String> files = new ArrayList<>();

  private final CliContext context;

  MinerAddCommand(CliContext context) {
    this.context = requireNonNull(context, "context");
  }

  @Override
  public Integer call() {
    Intake check =
        new Intake(
            intake.policy(), new MinerModules(MinerModules.inHome(home.home(context)))::known);
    Map<String, CompiledConfig> accepted = new LinkedHashMap<>();
    int refused = 0;
    for (String file : files) {
      IntakeResult result = check.check(ConfigFiles.read(context, file, Limits.MAX_DOCUMENT_BYTES));
      if (result instanceof IntakeResult.Refused r) {
        refused++;
        r.problems().forEach(p -> context.err().println(file + ": " + p));
      } else if (result instanceof IntakeResult.Accepted a) {
        a.warnings().forEach(w -> context.err().println(file + ": warning: " + w));
        accepted.put(file, a.config());
      }
    }
    context.err().flush();
    if (refused > 0) {
      throw new UserInputException(
          refused
              + " of "
              + files.size()
              + (files.size() == 1 ? " file" : " files")
              + " refused (expected: valid"
              + (check.policy().strictLint() ? ", lint-clean" : "")
              + " configurations); nothing added");
    }
    try (ConfigLibrary library = MinerHome.openLibrary(home.home(context))) {
      for (Map.Entry<String, CompiledConfig> e : accepted.entrySet()) {
        add(library, e.getKey(), e.getValue());
      }
    }
    context.out().flush();
    return ExitCode.OK;
  }

  private void add(ConfigLibrary library, String file, CompiledConfig config) {
    try {
      LibraryEntry entry = MinerHome.call(() -> library.add(config, Instant.now()));
      context.out().println("added " + entry.id().hex() + " " + entry.name() + " (" + file + ")");
    } catch (UserInputException e) {
      if (e.getCause() instanceof LibraryException le
          && le.kind() == LibraryException.Kind.DUPLICATE) {
        context
            .out()
            .println(
                "already in the library: "
                    + config.id().hex()
                    + " "
                    + config.config().name()
                    + " ("
                    + file
                    + ")");
        return;
      }
      throw e;
    }
  }
}
