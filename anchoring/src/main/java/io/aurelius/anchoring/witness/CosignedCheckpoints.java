package io.aurelius.anchoring.witness;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aurelius.anchoring.note.Checkpoint;
import io.aurelius.core.identity.OwnerOnlyFiles;
import io.aurelius.core.json.CanonicalJson;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The largest checkpoint a witness has cosigned, per origin: one small file each, canonical JSON
 * {@code {"format": "aurelius-witness/1", "origin", "root", "size"}}, owner-only (0600 in a 0700
 * directory) and replaced atomically (written beside, synced, renamed), so a crash leaves the old
 * state or the new one. A damaged file is an error, never read as "nothing cosigned": that would
 * let a rollback through.
 */
public final class CosignedCheckpoints {
  static final String FORMAT = "aurelius-witness/1";
  private static final int MAX_BYTES = 64 * 1024;

  private final Path directory;

  public CosignedCheckpoints(Path directory) {
    this.directory = requireNonNull(directory, "directory");
  }

  /** The file that holds the checkpoint cosigned for {@code origin}. */
  public Path file(String origin) {
    return directory.resolve(
        URLEncoder.encode(requireNonNull(origin, "origin"), StandardCharsets.UTF_8));
  }

  /** The largest checkpoint cosigned for {@code origin}, if any. */
  public Optional<Checkpoint> latest(String origin) throws IOException {
    Path file = file(origin);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    if (Files.size(file) > MAX_BYTES) {
      throw new IOException(file + ": larger than 64 KiB (expected: one cosigned checkpoint)");
    }
    try {
      JsonNode json = new ObjectMapper().readTree(Files.readAllBytes(file));
      if (!FORMAT.equals(json.path("format").asText())) {
        throw new IOException(
            file + ": format '" + json.path("format").asText() + "' (expected: " + FORMAT + ")");
      }
      if (!json.path("size").canConvertToLong() || !json.path("root").isTextual()) {
        throw new IOException(file + ": no size or root (expected: a cosigned checkpoint)");
      }
      Checkpoint c =
          new Checkpoint(
              json.path("origin").asText(),
              json.path("size").asLong(),
              Base64.getDecoder().decode(json.path("root").asText()));
      if (!c.origin().equals(origin)) {
        throw new IOException(
            file + ": holds origin " + c.origin() + " (expected: " + origin + ")");
      }
      return Optional.of(c);
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }

  /** Records {@code checkpoint} as the largest cosigned for its origin. */
  void record(Checkpoint checkpoint) throws IOException {
    requireNonNull(checkpoint, "checkpoint");
    OwnerOnlyFiles.createDirectories(directory);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("format", FORMAT);
    json.put("origin", checkpoint.origin());
    json.put("size", checkpoint.size());
    json.put("root", checkpoint.rootBase64());
    OwnerOnlyFiles.write(
        file(checkpoint.origin()),
        (CanonicalJson.string(json) + "\n").getBytes(StandardCharsets.UTF_8),
        true);
  }
}
