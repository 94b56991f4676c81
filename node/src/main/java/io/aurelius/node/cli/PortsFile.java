package io.aurelius.node.cli;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.identity.OwnerOnlyFiles;
import io.aurelius.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * {@code <home>/ports.json}, written once a node's server is bound and removed when it stops, so
 * scripts, tests and the devnet learn the real port of a node started with {@code --listen HOST:0}
 * (as Besu's ports file): {@code {"http": 40123, "role": "miner", "hotkey": "5F…"}}. Written whole
 * or not at all.
 */
public final class PortsFile {
  public static final String NAME = "ports.json";

  private final Path file;

  private PortsFile(Path file) {
    this.file = file;
  }

  public static Path in(Path home) {
    return requireNonNull(home, "home").resolve(NAME);
  }

  public static PortsFile write(
      Path home, String role, KeyId hotkey, KeyScheme scheme, int httpPort) {
    requireNonNull(role, "role");
    requireNonNull(hotkey, "hotkey");
    Path file = in(home);
    ObjectNode body = Json.newObject();
    body.put("http", httpPort);
    body.put("role", role);
    body.put("hotkey", hotkey.address());
    body.put("scheme", scheme.wireName());
    try {
      OwnerOnlyFiles.createDirectories(home);
      Path temp = Files.createTempFile(home, ".ports-", ".tmp");
      try {
        Files.write(temp, Json.prettyWriter().writeValueAsBytes(body));
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new CommandFailedException(
          file + ": cannot write the ports file: " + e.getMessage(), e);
    }
    return new PortsFile(file);
  }

  public Path file() {
    return file;
  }

  /** Removes the file; a node that stops leaves no stale port behind. Never throws. */
  public void delete() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // best effort at shutdown
    }
  }
}
