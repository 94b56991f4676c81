package io.aurelius.judge.evidence;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.config.CompiledConfig;
import io.aurelius.config.ConfigLoader;
import io.aurelius.config.v1.V1Import;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A labelled set of SN37 configurations: JSON Lines, one {@code {"config": {schema_v1 document},
 * "label": "GOOD"|"BAD"}} per line. Each is imported as the node imports SN37 configurations; one
 * that does not import is listed in {@code rejected} with the reason, not run.
 */
public final class LabelledSet {
  private LabelledSet() {}

  /** The configurations and their labels, in file order; source is {@code file:name}. */
  public static List<Scenario> load(Path file, List<String> rejected) {
    requireNonNull(file, "file");
    requireNonNull(rejected, "rejected");
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("labelled set " + file + ": " + e.getMessage(), e);
    }
    String base = file.getFileName().toString();
    List<Scenario> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      String where = base + ":" + (i + 1);
      JsonNode row = Json.parse(line.getBytes(StandardCharsets.UTF_8), where, JsonLimits.UNTRUSTED);
      JsonNode v1 = row.path("config");
      Label label = label(row.path("label").asText(""), where);
      String name = v1.path("name").asText(where);
      try {
        CompiledConfig config =
            ConfigLoader.load(
                V1Import.convert(v1, line.getBytes(StandardCharsets.UTF_8).length), name);
        out.add(new Scenario(base + ":" + name, label, config));
      } catch (RuntimeException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        rejected.add(name + " (" + label + "): " + m.lines().findFirst().orElse(m));
      }
    }
    return out;
  }

  private static Label label(String text, String where) {
    return switch (text) {
      case "GOOD" -> Label.GOOD;
      case "BAD" -> Label.BAD;
      default ->
          throw new IllegalArgumentException(
              where + ": label '" + text + "' (expected: GOOD or BAD)");
    };
  }
}
