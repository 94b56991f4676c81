package io.aurelius.node.cli.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.config.CompiledConfig;
import io.aurelius.config.ConfigLoader;
import io.aurelius.config.lineage.Fork;
import io.aurelius.config.validation.Limits;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonInputException;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.node.cli.UserInputException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code aurelius config fork FILE}: a new configuration whose parent is FILE's id. */
@Command(
    name = "fork",
    mixinStandardHelpOptions = true,
    description = {
      "Fork a configuration: copy it without its signature, apply the changes "
          + "(an RFC 7396 JSON merge patch, a new name, a new title), set parent to the source's "
          + "id, validate, and write it.",
      "A fork must differ from its source. Nothing is written unless the fork is valid."
    })
final class ForkCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(paramLabel = "FILE", description = "The source configuration (JSON).")
  private String file;

  @Option(
      names = "--out",
      paramLabel = "OUT",
      description = "Write the fork here (a new file); " + "default: print it.")
  private String out;

  @Option(names = "--set-name", paramLabel = "NAME", description = "The fork's name.")
  private String name;

  @Option(names = "--set-title", paramLabel = "TITLE", description = "The fork's title.")
  private String title;

  @Option(
      names = "--patch",
      paramLabel = "PATCH",
      description = "A JSON merge patch file " + "(RFC 7396) applied to the source.")
  private String patch;

  ForkCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Optional<CompiledConfig> source = Documents.load(context, file);
    if (source.isEmpty()) {
      return ExitCode.BAD_INPUT;
    }
    Optional<JsonNode> mergePatch =
        Optional.ofNullable(patch)
            .map(
                p -> {
                  try {
                    return Json.parse(
                        ConfigFiles.read(context, p, Limits.MAX_DOCUMENT_BYTES), p, Limits.JSON);
                  } catch (JsonInputException e) {
                    throw new UserInputException(e.getMessage());
                  }
                });
    ObjectNode fork;
    try {
      fork =
          Fork.of(
              source.get().document(),
              new Fork.Changes(mergePatch, Optional.ofNullable(name), Optional.ofNullable(title)));
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage());
    }
    String label = out == null ? "fork" : out;
    Optional<CompiledConfig> valid = Documents.report(context, label, ConfigLoader.validate(fork));
    if (valid.isEmpty()) {
      return ExitCode.BAD_INPUT;
    }
    ConfigFiles.write(context, Optional.ofNullable(out), fork);
    context
        .err()
        .println(label + ": id " + valid.get().id().hex() + ", parent " + source.get().id().hex());
    context.err().flush();
    return ExitCode.OK;
  }
}
