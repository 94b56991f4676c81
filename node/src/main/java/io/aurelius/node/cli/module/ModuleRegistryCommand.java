package io.aurelius.node.cli.module;

import io.aurelius.config.module.Adoption;
import io.aurelius.config.module.ModuleRegistry;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.node.cli.UserInputException;
import io.aurelius.validator.publish.WorldModelRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code aurelius module registry DIR}: verifies and lists a world-model registry: a directory with
 * {@code adoptions.jsonl}, a clone of a validator's {@code world-model.git} (whose history must add
 * one adoption per commit and end at the file), or that bare repository itself.
 */
@Command(
    name = "registry",
    mixinStandardHelpOptions = true,
    description =
        "Replay a world-model registry (every adoption re-checked, every signature verified) and "
            + "list its versions. DIR is a registry directory, a clone of a validator's "
            + "/git/world-model.git (its history must add one adoption per commit) or that bare "
            + "repository. Exit 2 if it does not replay.")
final class ModuleRegistryCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(
      paramLabel = "DIR",
      description = "The registry directory, a clone of world-model.git, or the bare repository.")
  private String dir;

  ModuleRegistryCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    Path path = context.resolve(Path.of(dir));
    Optional<String> history = history(path);
    ModuleRegistry r;
    if (history.isPresent() && !Files.exists(path.resolve(ModuleRegistry.FILE))) {
      Path scratch = Files.createTempDirectory("world-model");
      try {
        Files.writeString(scratch.resolve(ModuleRegistry.FILE), history.get());
        r = ModuleRegistry.open(scratch);
      } catch (IllegalArgumentException e) {
        throw new UserInputException(
            e.getMessage()
                .replace(scratch.resolve(ModuleRegistry.FILE).toString(), path.toString()));
      } finally {
        Files.deleteIfExists(scratch.resolve(ModuleRegistry.FILE));
        Files.deleteIfExists(scratch);
      }
    } else {
      r = ModuleFiles.open(context, dir);
      if (history.isPresent()
          && !history.get().equals(readOrEmpty(path.resolve(ModuleRegistry.FILE)))) {
        throw new UserInputException(
            path.resolve(ModuleRegistry.FILE)
                + ": differs from the clone's last commit (expected: the committed file)");
      }
    }
    for (Adoption a : r.adoptions()) {
      context
          .out()
          .println(
              a.version()
                  + " "
                  + a.module().kind().json()
                  + " "
                  + a.module().name()
                  + " "
                  + a.module().id().hex()
                  + " signed by "
                  + a.signatures().size());
    }
    if (history.isPresent()) {
      context.out().println("history: one commit per adoption");
    }
    context.out().println("current: " + r.set().version());
    context.out().flush();
    return ExitCode.OK;
  }

  /** The verified head file of a clone ({@code DIR/.git}) or a bare repository, if DIR is one. */
  private static Optional<String> history(Path path) {
    Path gitDir =
        Files.isDirectory(path.resolve(".git"))
            ? path.resolve(".git")
            : Files.isRegularFile(path.resolve("HEAD"))
                    && Files.isDirectory(path.resolve("objects"))
                ? path
                : null;
    if (gitDir == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(WorldModelRepository.verifiedHead(gitDir));
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage());
    }
  }

  private static String readOrEmpty(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file) : "";
  }
}
