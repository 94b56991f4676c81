package io.aurelius.node.cli.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.config.CompiledConfig;
import io.aurelius.config.v1.V1Export;
import io.aurelius.config.v1.V1Invalid;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.ExitCode;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code aurelius config export-v1 FILE}: the configuration as SN37 schema_v1, if expressible. */
@Command(
    name = "export-v1",
    mixinStandardHelpOptions = true,
    description = {
      "Export a configuration to SN37 schema_v1 where expressible (two agents, "
          + "phases as scenes, forced choices, literal premise); mechanics have no v1 form and "
          + "are dropped. What cannot be expressed is reported with its path (exit 2)."
    })
final class ExportV1Command implements Callable<Integer> {
  private final CliContext context;

  @Parameters(paramLabel = "FILE", description = "The configuration (JSON).")
  private String file;

  @Option(
      names = "--out",
      paramLabel = "OUT",
      description = "Write the result here (a new " + "file); default: print it.")
  private String out;

  ExportV1Command(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Optional<CompiledConfig> config = Documents.load(context, file);
    if (config.isEmpty()) {
      return ExitCode.BAD_INPUT;
    }
    ObjectNode v1;
    try {
      v1 = V1Export.convert(config.get());
    } catch (V1Invalid e) {
      e.problems().forEach(p -> context.err().println(file + ": export-v1: " + p));
      context.err().flush();
      return ExitCode.BAD_INPUT;
    }
    ConfigFiles.write(context, Optional.ofNullable(out), v1);
    return ExitCode.OK;
  }
}
