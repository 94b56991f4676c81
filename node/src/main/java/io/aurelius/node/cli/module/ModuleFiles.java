package io.aurelius.node.cli.module;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.config.module.Module;
import io.aurelius.config.module.ModuleLimits;
import io.aurelius.config.module.ModuleProblem;
import io.aurelius.config.module.ModuleRegistry;
import io.aurelius.config.module.ModuleReport;
import io.aurelius.config.module.ModuleSet;
import io.aurelius.config.module.Modules;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonInputException;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.UserInputException;
import io.aurelius.node.cli.config.ConfigFiles;
import java.nio.file.Path;
import java.util.Optional;

/** Reads module files and registries for the module commands. */
final class ModuleFiles {
  private ModuleFiles() {}

  /** The adopted set of {@code --registry DIR}, or the base world model without one. */
  static ModuleSet adopted(CliContext context, String registry) {
    if (registry == null) {
      return ModuleSet.BASE;
    }
    return open(context, registry).set();
  }

  static ModuleRegistry open(CliContext context, String registry) {
    try {
      return ModuleRegistry.open(context.resolve(Path.of(registry)));
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage());
    }
  }

  static JsonNode document(CliContext context, String file) {
    byte[] bytes = ConfigFiles.read(context, file, ModuleLimits.MAX_DOCUMENT_BYTES);
    try {
      return Json.parse(bytes, file, ModuleLimits.JSON);
    } catch (JsonInputException e) {
      throw new UserInputException(e.getMessage());
    }
  }

  /** The module, or empty after printing each problem with its reason code to standard error. */
  static Optional<Module> load(CliContext context, String file, ModuleSet adopted) {
    byte[] bytes = ConfigFiles.read(context, file, ModuleLimits.MAX_DOCUMENT_BYTES);
    return report(context, file, Modules.validate(bytes, adopted));
  }

  static Optional<Module> report(CliContext context, String file, ModuleReport report) {
    for (ModuleProblem p : report.problems()) {
      context.err().println(file + ": " + p);
    }
    context.err().flush();
    return report.module();
  }
}
