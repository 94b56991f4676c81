package io.aurelius.node.cli.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.core.json.Json;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.CommandFailedException;
import io.aurelius.node.cli.UserInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/** Bounded reads of input files and atomic, non-clobbering writes of output files. */
public final class ConfigFiles {
  private ConfigFiles() {}

  /** The bytes of {@code file}, refusing anything larger than {@code maxBytes} before reading. */
  public static byte[] read(CliContext context, String file, long maxBytes) {
    Path path = context.resolve(Path.of(file));
    try {
      if (!Files.isRegularFile(path)) {
        throw new UserInputException(
            file
                + ": "
                + (Files.exists(path) ? "not a regular file" : "no such file")
                + " (expected: a configuration file)");
      }
      long size = Files.size(path);
      if (size > maxBytes) {
        throw new UserInputException(
            file + ": " + size + " bytes (expected: at most " + maxBytes + ")");
      }
      return Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new UserInputException(file + ": no such file (expected: a configuration file)");
    } catch (AccessDeniedException e) {
      throw new UserInputException(file + ": permission denied (expected: a readable file)");
    } catch (IOException e) {
      throw new CommandFailedException(file + ": cannot read: " + e.getMessage());
    }
  }

  /** Indented JSON with a final newline, as written to files and printed. */
  static byte[] pretty(JsonNode document) {
    try {
      byte[] body = Json.prettyWriter().writeValueAsBytes(document);
      byte[] out = java.util.Arrays.copyOf(body, body.length + 1);
      out[body.length] = '\n';
      return out;
    } catch (IOException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  /**
   * Writes {@code document} to {@code out} (refusing to replace an existing file) or, without
   * {@code out}, prints it. The file appears whole or not at all.
   */
  public static void write(CliContext context, Optional<String> out, JsonNode document) {
    byte[] bytes = pretty(document);
    if (out.isEmpty()) {
      context.out().print(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
      context.out().flush();
      return;
    }
    Path target = context.resolve(Path.of(out.get()));
    if (Files.exists(target)) {
      throw new UserInputException(out.get() + ": already exists (expected: a new file name)");
    }
    Path dir = target.toAbsolutePath().getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new UserInputException(
          out.get() + ": no such directory (expected: an existing " + "directory)");
    }
    Path temp = null;
    try {
      temp = Files.createTempFile(dir, ".aurelius-", ".tmp");
      try (OutputStream o = Files.newOutputStream(temp)) {
        o.write(bytes);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      temp = null;
    } catch (FileAlreadyExistsException e) {
      throw new UserInputException(out.get() + ": already exists (expected: a new file name)");
    } catch (IOException e) {
      throw new CommandFailedException(out.get() + ": cannot write: " + e.getMessage());
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // best effort: the temporary file is hidden and harmless
        }
      }
    }
  }
}
