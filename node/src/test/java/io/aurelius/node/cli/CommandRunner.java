package io.aurelius.node.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/** Runs the command in-process with captured output, as the tests of every command do. */
public final class CommandRunner {
  private final Map<String, String> env;
  private final Path workDir;

  public CommandRunner(Map<String, String> env, Path workDir) {
    this.env = env;
    this.workDir = workDir;
  }

  public Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        AureliusCommand.run(
            args, new CliContext(new PrintWriter(out), new PrintWriter(err), env, workDir));
    return new Result(code, out.toString(), err.toString());
  }

  public record Result(int exitCode, String out, String err) {}
}
