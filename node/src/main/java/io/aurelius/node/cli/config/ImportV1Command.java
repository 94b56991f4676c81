package io.aurelius.node.cli.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.config.CompiledConfig;
import io.aurelius.config.ConfigLoader;
import io.aurelius.config.v1.V1Import;
import io.aurelius.config.v1.V1Invalid;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonInputException;
import io.aurelius.core.json.JsonLimits;
import io.aurelius.core.json.Utf8;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.node.cli.UserInputException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code aurelius config import-v1 FILE}: an SN37 schema_v1 configuration in the new format. */
@Command(
    name = "import-v1",
    mixinStandardHelpOptions = true,
    description = {
      "Import an SN37 schema_v1 configuration: validate it against schema_v1 and "
          + "SN37's rules (errors name the v1 path), convert it to aurelius.config/1 and validate "
          + "the result."
    })
final class ImportV1Command implements Callable<Integer> {
  /** Read a little beyond SN37's 65536-byte rule so that rule reports with its path. */
  private static final JsonLimits V1_READ = new JsonLimits(256 * 1024, 32, 256 * 1024);

  private final CliContext context;

  @Parameters(paramLabel = "FILE", description = "The schema_v1 configuration (JSON).")
  private String file;

  @Option(
      names = "--out",
      paramLabel = "OUT",
      description = "Write the result here (a new " + "file); default: print it.")
  private String out;

  ImportV1Command(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    byte[] bytes = ConfigFiles.read(context, file, V1_READ.maxBytes());
    Utf8.problem(bytes)
        .ifPresent(
            p -> {
              throw new UserInputException(file + ": " + p);
            });
    JsonNode v1;
    try {
      v1 = Json.parse(bytes, file, V1_READ);
    } catch (JsonInputException e) {
      throw new UserInputException(e.getMessage());
    }
    ObjectNode imported;
    try {
      imported = V1Import.convert(v1, bytes.length);
    } catch (V1Invalid e) {
      e.problems().forEach(p -> context.err().println(file + ": schema_v1: " + p));
      context.err().flush();
      return ExitCode.BAD_INPUT;
    }
    Optional<CompiledConfig> valid =
        Documents.report(context, file + " (imported)", ConfigLoader.validate(imported));
    if (valid.isEmpty()) {
      return ExitCode.BAD_INPUT;
    }
    ConfigFiles.write(context, Optional.ofNullable(out), imported);
    return ExitCode.OK;
  }
}
