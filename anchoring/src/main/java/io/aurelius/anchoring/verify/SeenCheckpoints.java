package io.aurelius.anchoring.verify;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aurelius.anchoring.note.Checkpoint;
import io.aurelius.anchoring.note.MalformedNoteException;
import io.aurelius.anchoring.note.VerifierKey;
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
 * The checkpoints a verifier has seen, one small file per origin in a directory, as a Go
 * checksum-database client keeps its latest tree: a later verification must be consistent with it.
 * Files are owner-only and replaced atomically (written beside, then renamed), so a crash leaves
 * the old state or the new one, never half of either.
 */
public final class SeenCheckpoints {
  static final String FORMAT = "aurelius-seen/1";
  private static final int MAX_BYTES = 64 * 1024;

  private final Path directory;

  public SeenCheckpoints(Path directory) {
    this.directory = requireNonNull(directory, "directory");
  }

  /** The file that holds what was seen of {@code origin}. */
  public Path file(String origin) {
    return directory.resolve(URLEncoder.encode(origin, StandardCharsets.UTF_8));
  }

  /** What was seen of {@code origin}, if anything; a damaged file is an error, never ignored. */
  public Optional<SeenCheckpoint> get(String origin) throws IOException {
    Path file = file(requireNonNull(origin, "origin"));
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    if (Files.size(file) > MAX_BYTES) {
      throw new IOException(file + ": larger than 64 KiB (expected: one remembered checkpoint)");
    }
    try {
      JsonNode json = new ObjectMapper().readTree(Files.readAllBytes(file));
      if (!FORMAT.equals(json.path("format").asText())) {
        throw new IOException(
            file + ": format '" + json.path("format").asText() + "' (expected: " + FORMAT + ")");
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
      return Optional.of(new SeenCheckpoint(VerifierKey.parse(json.path("logKey").asText()), c));
    } catch (MalformedNoteException | IllegalArgumentException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }

  /** Remembers {@code seen} for its origin, replacing what was there. */
  public void remember(SeenCheckpoint seen) throws IOException {
    requireNonNull(seen, "seen");
    OwnerOnlyFiles.createDirectories(directory);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("format", FORMAT);
    json.put("origin", seen.origin());
    json.put("logKey", seen.logKey().format());
    json.put("size", seen.checkpoint().size());
    json.put("root", seen.checkpoint().rootBase64());
    OwnerOnlyFiles.write(
        file(seen.origin()),
        (CanonicalJson.string(json) + "\n").getBytes(StandardCharsets.UTF_8),
        true);
  }
}
