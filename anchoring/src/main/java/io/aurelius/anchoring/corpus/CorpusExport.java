package io.aurelius.anchoring.corpus;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.anchoring.log.LogException;
import io.aurelius.anchoring.log.LogPaths;
import io.aurelius.anchoring.log.LogSnapshot;
import io.aurelius.anchoring.note.Checkpoint;
import io.aurelius.anchoring.note.SignedNote;
import io.aurelius.anchoring.note.VerifierKey;
import io.aurelius.core.json.CanonicalJson;
import io.aurelius.core.json.Json;
import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes the clean corpus (every entry not burned), one canonical JSON object per line. The chat
 * form puts the observation in the user turn and the reasoning and action in the assistant turn;
 * provenance travels alongside, extended with the entry's index and id and the checkpoint it is
 * proven against. Every record of either form carries the entry itself and an {@link ExportProof},
 * so it can be verified alone ({@link RecordVerifier}).
 */
public final class CorpusExport {
  private CorpusExport() {}

  /** Writes the export; returns what it wrote. */
  public static ExportCounts write(
      LogSnapshot corpus, Set<Long> burned, ExportFormat format, Writer out)
      throws LogException, IOException, InvalidEntryException {
    requireNonNull(corpus, "corpus");
    requireNonNull(burned, "burned");
    requireNonNull(format, "format");
    requireNonNull(out, "out");
    long written = 0;
    long simulated = 0;
    Map<String, Long> byModel = new TreeMap<>();
    long size = corpus.size();
    SignedNote note = corpus.latestNote();
    Checkpoint checkpoint = corpus.latestCheckpoint();
    VerifierKey logKey = corpus.manifest().logKey();
    for (long b = 0; b * LogPaths.TILE_WIDTH < size; b++) {
      List<byte[]> bundle = corpus.bundle(b);
      for (int i = 0; i < bundle.size(); i++) {
        long index = b * LogPaths.TILE_WIDTH + i;
        if (burned.contains(index)) {
          continue;
        }
        CorpusEntry entry = CorpusEntry.parse(bundle.get(i), "entry " + index);
        // The record carries the entry as JSON; a verifier re-canonicalises it to get the leaf
        // data, so only a canonical line can prove itself (the log verifier checks this too).
        if (!Arrays.equals(entry.bytes(), bundle.get(i))) {
          throw new InvalidEntryException("entry " + index + ": not canonical JSON");
        }
        ExportProof proof =
            new ExportProof(index, corpus.inclusionProof(index, size), note, checkpoint, logKey);
        ObjectNode line = record(format, entry, proof);
        out.write(CanonicalJson.string(line));
        out.write('\n');
        written++;
        JsonNode model = entry.json().path("provenance").path("model");
        simulated += model.path("simulated").asBoolean() ? 1 : 0;
        byModel.merge(model.path("name").asText(), 1L, Long::sum);
      }
    }
    out.flush();
    return new ExportCounts(written, simulated, new TreeMap<>(byModel));
  }

  /** One exported record of {@code format}: what {@link #write} writes for this entry. */
  public static ObjectNode record(ExportFormat format, CorpusEntry entry, ExportProof proof) {
    requireNonNull(format, "format");
    requireNonNull(entry, "entry");
    requireNonNull(proof, "proof");
    ObjectNode line =
        switch (format) {
          case JSONL -> jsonl(proof.index(), entry);
          case CHAT -> chat(proof.checkpoint(), proof.index(), entry);
        };
    line.set("entry", entry.json());
    line.set("proof", proof.toJson());
    return line;
  }

  private static ObjectNode jsonl(long index, CorpusEntry entry) {
    ObjectNode line = Json.newObject();
    line.put("index", index);
    line.put("id", entry.id().hex());
    return line;
  }

  private static ObjectNode chat(Checkpoint at, long index, CorpusEntry entry) {
    ObjectNode line = Json.newObject();
    ArrayNode messages = line.putArray("messages");
    messages.addObject().put("role", "user").put("content", entry.observation());
    messages
        .addObject()
        .put("role", "assistant")
        .put("content", entry.reasoning() + "\n\nAction: " + entry.actionText());
    ObjectNode provenance = ((ObjectNode) entry.json().get("provenance")).deepCopy();
    provenance.put("entry", index);
    provenance.put("entryId", entry.id().hex());
    if (entry.json().path("aene").path("id").isTextual()) {
      provenance.put("aene", entry.json().path("aene").path("id").asText());
    }
    ObjectNode checkpoint = provenance.putObject("checkpoint");
    checkpoint.put("origin", at.origin());
    checkpoint.put("size", at.size());
    checkpoint.put("root", at.rootBase64());
    line.set("provenance", provenance);
    line.set("verdict", entry.json().get("verdict"));
    return line;
  }
}
