package io.aurelius.node.cli;

import static java.util.Objects.requireNonNull;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a command may touch of its surroundings, injected so tests can run commands without a
 * process: output writers, the environment and the working directory.
 */
public record CliContext(PrintWriter out, PrintWriter err, Map<String, String> env, Path workDir) {
  public CliContext {
    requireNonNull(out, "out");
    requireNonNull(err, "err");
    env = Map.copyOf(env);
    requireNonNull(workDir, "workDir");
  }

  public static CliContext system() {
    return new CliContext(
        new PrintWriter(System.out, true),
        new PrintWriter(System.err, true),
        System.getenv(),
        Path.of("").toAbsolutePath());
  }

  /** Resolves a user-supplied path against the working directory. */
  public Path resolve(Path path) {
    return workDir.resolve(path).normalize();
  }

  /** True when standard output is an interactive terminal (progress bars are shown then). */
  public boolean interactive() {
    return System.console() != null && !"true".equals(env.get("CI"));
  }
}
