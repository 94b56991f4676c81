package io.aurelius.config.module;

import io.aurelius.config.lint.Finding;
import io.aurelius.config.lint.OpacityLint;
import java.util.List;

/** The opacity lint over one immersive phrase of a module. */
final class Opacity {
  private static final OpacityLint LINT = OpacityLint.bundled();

  private Opacity() {}

  static void check(String text, String path, List<ModuleProblem> out) {
    for (Finding f : LINT.checkText(text, path)) {
      out.add(
          new ModuleProblem(
              ModuleReason.OPACITY,
              f.path() + "@" + f.position(),
              "\""
                  + f.found()
                  + "\" tells the agent it is being evaluated (expected: immersive text without '"
                  + f.term()
                  + "')"));
    }
  }
}
