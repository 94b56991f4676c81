package io.aurelius.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Python peer script under {@code interop/}, run by the interpreter of {@code .venv-interop/},
 * which {@code .ci/setup} makes from {@code interop/requirements.txt}. Opening one fails the test
 * in one line (saying to run the setup) when the environment is missing or holds another version of
 * the package the tests are pinned to; it never skips.
 */
public final class InteropPeer {
  private static final long TIMEOUT_SECONDS = 60;
  private static final String SETUP =
      "run `bash .ci/setup` (it makes .venv-interop/ from interop/requirements.txt)";

  private final Path python;
  private final Path script;
  private final Path scratch;

  private InteropPeer(Path python, Path script, Path scratch) {
    this.python = python;
    this.script = script;
    this.scratch = scratch;
  }

  /** What one run of the interpreter left: its exit code, standard output and standard error. */
  public record Result(int exit, String stdout, String stderr) {}

  /**
   * The peer {@code interop/<script>} in the venv, whose {@code pinned} package must have the
   * version {@code interop/requirements.txt} pins; {@code scratch} holds the runs' input and
   * output.
   */
  public static InteropPeer open(String script, String pinned, Path scratch) throws IOException {
    String configured = System.getProperty("aurelius.root");
    Path root = configured != null ? Path.of(configured) : TestData.root().getParent();
    Path python = root.resolve(".venv-interop/bin/python");
    if (!Files.isExecutable(python)) {
      fail(script + " interop: " + python + " is missing: " + SETUP);
    }
    InteropPeer peer = new InteropPeer(python, root.resolve("interop").resolve(script), scratch);
    Matcher pin =
        Pattern.compile("(?m)^" + Pattern.quote(pinned) + "==(\\S+)$")
            .matcher(Files.readString(root.resolve("interop/requirements.txt")));
    if (!pin.find()) {
      fail("interop/requirements.txt pins no " + pinned + " version");
    }
    Result version =
        peer.python("", "-c", "import importlib.metadata as m; print(m.version('" + pinned + "'))");
    String installed = version.exit() == 0 ? version.stdout().strip() : "none";
    if (!installed.equals(pin.group(1))) {
      fail(
          script
              + " interop: .venv-interop/ has "
              + pinned
              + " "
              + installed
              + ", interop/requirements.txt pins "
              + pin.group(1)
              + ": "
              + SETUP);
    }
    return peer;
  }

  /**
   * Runs the script's {@code batch} command on {@code requests}; any failure of the peer fails the
   * test with its stderr and {@code context} (e.g. the seed that replays the run).
   */
  public List<JsonNode> batch(ArrayNode requests, String context) {
    Result result = run(requests.toString(), "batch");
    String name = script.getFileName().toString();
    if (result.exit() != 0) {
      fail(name + " batch exited " + result.exit() + ": " + result.stderr() + " " + context);
    }
    JsonNode answers =
        Json.parse(result.stdout(), name + " output", new JsonLimits(1 << 20, 8, 4096));
    assertThat(answers.size()).as("answers " + context).isEqualTo(requests.size());
    List<JsonNode> list = new ArrayList<>();
    answers.forEach(list::add);
    return list;
  }

  /** Runs the script with {@code args} and {@code stdin} as its input. */
  public Result run(String stdin, String... args) {
    List<String> all = new ArrayList<>(List.of(script.toString()));
    all.addAll(List.of(args));
    return python(stdin, all.toArray(String[]::new));
  }

  /**
   * Starts the script with {@code args} as a process that outlives this call (a server): the caller
   * reads its standard output and destroys it. Its standard error goes to {@code <name>.err} in the
   * scratch directory, where a failing test can quote it.
   */
  public Process start(String name, String... args) throws IOException {
    List<String> command =
        new ArrayList<>(List.of(python.toString(), "-I", "-B", script.toString()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command)
        .redirectInput(
            ProcessBuilder.Redirect.from(Files.createTempFile(scratch, "in", ".json").toFile()))
        .redirectError(scratch.resolve(name + ".err").toFile())
        .start();
  }

  /**
   * Runs the venv's Python isolated ({@code -I}: no user site, no PYTHON* variables) without
   * writing bytecode, with {@code stdin} as its input; killed after {@value #TIMEOUT_SECONDS} s.
   */
  private Result python(String stdin, String... args) {
    List<String> command = new ArrayList<>(List.of(python.toString(), "-I", "-B"));
    command.addAll(List.of(args));
    try {
      Path in = Files.createTempFile(scratch, "in", ".json");
      Path out = Files.createTempFile(scratch, "out", ".txt");
      Path err = Files.createTempFile(scratch, "err", ".txt");
      Files.writeString(in, stdin);
      Process process =
          new ProcessBuilder(command)
              .redirectInput(in.toFile())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        fail(String.join(" ", command) + ": no answer within " + TIMEOUT_SECONDS + " s; killed");
      }
      return new Result(
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8).strip());
    } catch (IOException e) {
      throw new AssertionError(String.join(" ", command) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted waiting for " + String.join(" ", command), e);
    }
  }
}
