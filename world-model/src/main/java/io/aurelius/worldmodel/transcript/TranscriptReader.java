package io.aurelius.worldmodel.transcript;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonInputException;
import io.aurelius.core.json.JsonLimits;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a transcript file back, grouping lines by run. Lines are bounded; a malformed line is a
 * {@link TranscriptException} naming the file and line number. A run with no end line (cut short)
 * is returned with an empty end.
 */
public final class TranscriptReader {
  /** The longest line accepted: a step of 16 agents with long prompts fits comfortably. */
  public static final int MAX_LINE_CHARS = 16 << 20;

  private static final JsonLimits LIMITS = new JsonLimits(MAX_LINE_CHARS * 4, 64, MAX_LINE_CHARS);

  private TranscriptReader() {}

  public static List<Transcript> read(Path path) throws IOException {
    requireNonNull(path, "path");
    Map<String, Builder> runs = new LinkedHashMap<>();
    try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        String where = path + ":" + number;
        if (line.length() > MAX_LINE_CHARS) {
          throw new TranscriptException(
              where
                  + ": line of "
                  + line.length()
                  + " chars (expected: at most "
                  + MAX_LINE_CHARS
                  + ")");
        }
        JsonNode node;
        try {
          node = Json.parse(line, where, LIMITS);
        } catch (JsonInputException e) {
          throw new TranscriptException(e.getMessage(), e);
        }
        String run = node.path("run").asText("");
        String type = node.path("type").asText("");
        try {
          switch (type) {
            case "header" -> {
              if (runs.containsKey(run)) {
                throw new TranscriptException(where + ": second header for run '" + run + "'");
              }
              runs.put(run, new Builder(run, TranscriptHeader.fromJson(node)));
            }
            case "step" -> builder(runs, run, where).steps.add(StepRecord.fromJson(node));
            case "end" -> builder(runs, run, where).end = Optional.of(RunEnd.fromJson(node));
            default ->
                throw new TranscriptException(
                    where + ": type '" + type + "' (expected: header, step or end)");
          }
        } catch (IllegalArgumentException e) {
          throw new TranscriptException(where + ": " + e.getMessage(), e);
        }
      }
    }
    List<Transcript> out = new ArrayList<>();
    runs.values().forEach(b -> out.add(new Transcript(b.run, b.header, b.steps, b.end)));
    return out;
  }

  private static Builder builder(Map<String, Builder> runs, String run, String where) {
    Builder b = runs.get(run);
    if (b == null) {
      throw new TranscriptException(where + ": line of run '" + run + "' before its header");
    }
    return b;
  }

  private static final class Builder {
    final String run;
    final TranscriptHeader header;
    final List<StepRecord> steps = new ArrayList<>();
    Optional<RunEnd> end = Optional.empty();

    Builder(String run, TranscriptHeader header) {
      this.run = run;
      this.header = header;
    }
  }
}
