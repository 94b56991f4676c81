package io.aurelius.config.module;

import static java.util.Objects.requireNonNull;

/** One reason a module or an import is refused: code, JSON path, what and what was expected. */
public record ModuleProblem(ModuleReason reason, String path, String message) {
  public ModuleProblem {
    requireNonNull(reason, "reason");
    requireNonNull(path, "path");
    requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return path + ": [" + reason.code() + "] " + message;
  }
}
