package io.aurelius.node.cli.config;

import io.aurelius.config.CompiledConfig;
import io.aurelius.config.ConfigLoader;
import io.aurelius.config.catalogue.Catalogue;
import io.aurelius.config.lint.Finding;
import io.aurelius.config.lint.OpacityLint;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.node.cli.UserInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code aurelius config lint FILE...}: words in immersive text that reveal a test. */
@Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    description = {
      "Opacity lint: report words and phrases in immersive-framing text that tell "
          + "an agent it is being evaluated, each with its path and character position.",
      "Findings are warnings (exit 0); with --strict-enabled they are errors (exit 2). "
          + "An invalid file exits 2."
    })
final class LintCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(paramLabel = "FILE", arity = "0..*", description = "Configuration files (JSON).")
  private List<String> files = new ArrayList<>();

  @Option(
      names = {"--strict-enabled", "--strict"},
      arity = "0..1",
      fallbackValue = "true",
      description = "Treat findings as errors (exit 2).")
  private boolean strict;

  @Option(
      names = {"--catalogue-enabled", "--catalogue"},
      arity = "0..1",
      fallbackValue = "true",
      description = "Also lint the bundled scenario catalogue.")
  private boolean catalogue;

  LintCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (files.isEmpty() && !catalogue) {
      throw new UserInputException(
          "no files (expected: at least one FILE, or --catalogue-enabled)");
    }
    OpacityLint lint = OpacityLint.bundled();
    boolean invalid = false;
    int findings = 0;
    for (String file : files) {
      Optional<CompiledConfig> config = Documents.load(context, file);
      invalid |= config.isEmpty();
      findings += config.map(c -> show(file, lint.check(c.config()))).orElse(0);
    }
    if (catalogue) {
      for (String name : Catalogue.names()) {
        String label = "catalogue/" + name + ".json";
        CompiledConfig c = ConfigLoader.load(Catalogue.bytes(name).orElseThrow(), label);
        findings += show(label, lint.check(c.config()));
      }
    }
    if (invalid || (strict && findings > 0)) {
      return ExitCode.BAD_INPUT;
    }
    return ExitCode.OK;
  }

  private int show(String file, List<Finding> findings) {
    String level = strict ? "error" : "warning";
    for (Finding f : findings) {
      context.err().println(file + ": " + level + ": " + f);
    }
    context
        .out()
        .println(file + ": " + findings.size() + (findings.size() == 1 ? " finding" : " findings"));
    context.out().flush();
    context.err().flush();
    return findings.size();
  }
}
