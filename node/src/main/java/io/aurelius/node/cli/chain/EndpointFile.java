package io.aurelius.node.cli.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.chain.dev.ChainDataDir;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.json.CanonicalJson;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonInputException;
import io.aurelius.core.json.JsonLimits;
import io.aurelius.node.cli.CommandFailedException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * {@code <chain-dir>/endpoint.json}: written by a running chain once its server is bound, so
 * commands on the same machine (and tests) find its port; removed when it stops.
 */
final class EndpointFile {
  private EndpointFile() {}

  static void write(ChainDataDir dir, ChainConnectOptions.Remote remote) {
    ObjectNode o = Json.newObject();
    o.put("host", remote.host());
    o.put("port", remote.port());
    o.put("authority", remote.authority().address());
    Path file = dir.endpointFile();
    try {
      Path tmp = Files.createTempFile(dir.root(), ".endpoint", ".tmp");
      Files.write(tmp, CanonicalJson.bytes(o));
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new CommandFailedException(file + ": cannot write: " + e.getMessage(), e);
    }
  }

  static void delete(ChainDataDir dir) {
    try {
      Files.deleteIfExists(dir.endpointFile());
    } catch (IOException e) {
      // a stale file is harmless: readers only trust it while the chain holds its lock
    }
  }

  static Optional<ChainConnectOptions.Remote> read(ChainDataDir dir) {
    Path file = dir.endpointFile();
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      JsonNode o =
          Json.parse(Files.readAllBytes(file), file.toString(), new JsonLimits(4096, 4, 256));
      return Optional.of(
          new ChainConnectOptions.Remote(
              o.path("host").asText(),
              o.path("port").asInt(),
              KeyId.parse(o.path("authority").asText())));
    } catch (IOException | JsonInputException | IllegalArgumentException e) {
      throw new CommandFailedException(file + ": unreadable (" + e.getMessage() + ")", e);
    }
  }
}
