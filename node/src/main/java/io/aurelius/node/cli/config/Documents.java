package io.aurelius.node.cli.config;

import io.aurelius.config.CompiledConfig;
import io.aurelius.config.ConfigLoader;
import io.aurelius.config.ValidationReport;
import io.aurelius.config.validation.Limits;
import io.aurelius.config.validation.Problem;
import io.aurelius.node.cli.CliContext;
import java.util.List;
import java.util.Optional;

/** Reads configuration files and reports their problems, one line each, prefixed by the file. */
final class Documents {
  private Documents() {}

  /** The validated configuration, or empty after printing every problem to standard error. */
  static Optional<CompiledConfig> load(CliContext context, String file) {
    byte[] bytes = ConfigFiles.read(context, file, Limits.MAX_DOCUMENT_BYTES);
    return report(context, file, ConfigLoader.validate(bytes));
  }

  static Optional<CompiledConfig> report(CliContext context, String file, ValidationReport report) {
    print(context, file, report.problems());
    return report.config();
  }

  static void print(CliContext context, String file, List<Problem> problems) {
    for (Problem p : problems) {
      context.err().println(file + ": " + p);
    }
    context.err().flush();
  }
}
