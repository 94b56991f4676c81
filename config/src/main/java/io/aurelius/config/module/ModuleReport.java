package io.aurelius.config.module;

import java.util.List;
import java.util.Optional;

/** Every problem of a module document, and the module when there is none. */
public record ModuleReport(List<ModuleProblem> problems, Optional<Module> module) {
  public ModuleReport {
    problems = List.copyOf(problems);
    module = problems.isEmpty() ? module : Optional.empty();
  }

  public boolean valid() {
    return module.isPresent();
  }
}
