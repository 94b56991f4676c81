package io.aurelius.node.cli.corpus;

import io.aurelius.anchoring.log.GitLog;
import io.aurelius.anchoring.log.LogException;
import io.aurelius.anchoring.log.NotALogException;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.CommandFailedException;
import io.aurelius.node.cli.UserInputException;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * A log named on the command line as a local path or a git URL; a URL is cloned into a temporary
 * directory deleted on close, so reading a remote log writes nothing that stays.
 */
final class LocalLog implements AutoCloseable {
  private final GitLog log;
  private final Optional<Path> temporary;

  private LocalLog(GitLog log, Optional<Path> temporary) {
    this.log = log;
    this.temporary = temporary;
  }

  GitLog log() {
    return log;
  }

  /** Opens the log; not-a-log is bad input (exit 2), an I/O failure a failure (exit 1). */
  static LocalLog open(String target, CliContext context) {
    if (!isUrl(target)) {
      try {
        return new LocalLog(
            GitLog.open(repository(context.resolve(Path.of(target)))), Optional.empty());
      } catch (NotALogException e) {
        throw new UserInputException(e.getMessage());
      } catch (LogException e) {
        throw new CommandFailedException(e.getMessage(), e);
      }
    }
    Path dir;
    try {
      dir = Files.createTempDirectory("aurelius-clone-");
    } catch (IOException e) {
      throw new CommandFailedException("cannot create a temporary directory: " + e.getMessage(), e);
    }
    try {
      return new LocalLog(GitLog.cloneFrom(target, dir), Optional.of(dir));
    } catch (NotALogException e) {
      delete(dir);
      throw new UserInputException(e.getMessage());
    } catch (LogException | RuntimeException e) {
      delete(dir);
      throw new CommandFailedException(target + ": " + e.getMessage(), e);
    }
  }

  /** A stock clone's working directory holds its repository in {@code .git/}. */
  private static Path repository(Path dir) {
    Path dotGit = dir.resolve(".git");
    return Files.isDirectory(dotGit) ? dotGit : dir;
  }

  static boolean isUrl(String target) {
    return target.matches("(?i)(https?|git|ssh|file)://.*");
  }

  @Override
  public void close() {
    log.close();
    temporary.ifPresent(LocalLog::delete);
  }

  private static void delete(Path dir) {
    try {
      Files.walkFileTree(
          dir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
              Files.delete(d);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      // best effort: a leftover temporary clone is harmless
    }
  }
}
