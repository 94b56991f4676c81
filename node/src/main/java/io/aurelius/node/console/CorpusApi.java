package io.aurelius.node.console;

import static io.aurelius.node.console.ConsoleJson.F;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.anchoring.corpus.CorpusEntry;
import io.aurelius.anchoring.log.LogException;
import io.aurelius.anchoring.log.LogSnapshot;
import io.aurelius.anchoring.note.Checkpoint;
import io.aurelius.anchoring.note.NoteSignature;
import io.aurelius.anchoring.note.SignedNote;
import io.aurelius.core.json.Json;
import io.aurelius.core.ops.ApiQuery;
import io.aurelius.core.ops.ApiRoute;
import io.aurelius.validator.epoch.EpochReport;
import io.aurelius.validator.service.ValidatorService;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A validator's replica of the corpus: its size over the epochs, the signed checkpoints with
 * signers, cosigners and OpenTimestamps status, a search over the newest entries and any entry with
 * its RFC 6962 inclusion proof against the newest checkpoint that covers it (what the console
 * verifies in the page; docs/corpus-format.md).
 */
final class CorpusApi {
  static final String SUMMARY = "/api/v1/corpus/summary";
  static final String SEARCH = "/api/v1/corpus/search";
  static final String ENTRY = "/api/v1/corpus/entry";

  /** A search reads at most this many of the newest entries, so it stays cheap at any size. */
  static final int MAX_SCANNED = 4096;

  static final int MAX_RESULTS = 50;
  static final int MAX_CHECKPOINTS = 100;
  private static final int EXCERPT = 240;

  private final Supplier<ValidatorService> service;

  CorpusApi(Supplier<ValidatorService> service) {
    this.service = requireNonNull(service, "service");
  }

  List<ApiRoute> routes() {
    return List.of(
        new ApiRoute(SUMMARY, this::summary),
        new ApiRoute(SEARCH, this::search),
        new ApiRoute(ENTRY, this::entry));
  }

  private ValidatorService running() {
    ValidatorService s = service.get();
    if (s == null) {
      throw new IllegalStateException("the validator has not started");
    }
    return s;
  }

  private JsonNode summary(ApiQuery query) throws LogException {
    int limit = (int) query.number("limit", 20, 1, MAX_CHECKPOINTS);
    ValidatorService v = running();
    LogSnapshot log = v.corpusSnapshot();
    ObjectNode o = F.objectNode();
    o.put("size", log.size());
    o.put("burned", log.burnedEntries().size());
    ArrayNode growth = o.putArray("growth");
    List<EpochReport> history = v.history(ValidatorApi.MAX_EPOCHS);
    for (int i = history.size() - 1; i >= 0; i--) {
      EpochReport r = history.get(i);
      r.checkpoint()
          .ifPresent(
              c ->
                  growth
                      .addObject()
                      .put("epoch", r.epoch())
                      .put("block", r.block())
                      .put("size", c.size())
                      .put("accepted", r.aenesAccepted()));
    }
    Set<Long> stamped = new HashSet<>(log.stampedSizes());
    Set<Long> pending = new HashSet<>(log.pendingStampSizes());
    List<Long> sizes = log.checkpointSizes();
    ArrayNode checkpoints = o.putArray("checkpoints");
    for (int i = sizes.size() - 1; i >= 0 && checkpoints.size() < limit; i--) {
      long size = sizes.get(i);
      SignedNote note = note(log, size);
      Checkpoint c = checkpoint(note, size);
      ObjectNode row = checkpoints.addObject();
      row.put("size", size);
      row.put("origin", c.origin());
      row.put("root", c.rootBase64());
      ArrayNode signers = row.putArray("signers");
      ArrayNode cosigners = row.putArray("cosigners");
      for (NoteSignature s : note.signatures()) {
        (s.name().equals(c.origin()) ? signers : cosigners).add(s.name());
      }
      row.put(
          "stamp",
          stamped.contains(size) ? "stamped" : pending.contains(size) ? "pending" : "none");
    }
    return o;
  }

  private JsonNode search(ApiQuery query) throws LogException {
    String q = query.text("q").orElse("").toLowerCase(Locale.ROOT);
    int limit = (int) query.number("limit", 20, 1, MAX_RESULTS);
    LogSnapshot log = running().corpusSnapshot();
    long size = log.size();
    long before = query.number("before", size, 0, size);
    ObjectNode o = F.objectNode();
    o.put("query", q);
    o.put("size", size);
    ArrayNode results = o.putArray("results");
    long scanned = 0;
    long index = before - 1;
    for (; index >= 0 && scanned < MAX_SCANNED && results.size() < limit; index--, scanned++) {
      JsonNode entry = Json.parse(log.entry(index), "corpus entry " + index, CorpusEntry.LIMITS);
      if (q.isEmpty() || matches(entry, q)) {
        results.add(summaryOf(index, entry, q));
      }
    }
    o.put("scanned", scanned);
    o.put("next_before", index + 1);
    o.put("exhausted", index < 0);
    return o;
  }

  private JsonNode entry(ApiQuery query) throws LogException {
    LogSnapshot log = running().corpusSnapshot();
    long size = log.size();
    if (size == 0) {
      throw new ApiQuery.NotFoundException("the corpus is empty");
    }
    long index = query.requiredNumber("index", 0, size - 1);
    byte[] line = log.entry(index);
    long treeSize =
        log.checkpointSizes().stream()
            .filter(s -> s > index)
            .reduce((a, b) -> b)
            .orElseThrow(
                () ->
                    new ApiQuery.NotFoundException(
                        "entry " + index + ": no signed checkpoint covers it yet"));
    SignedNote note = note(log, treeSize);
    Checkpoint c = checkpoint(note, treeSize);
    ObjectNode o = F.objectNode();
    o.put("index", index);
    o.set("entry", Json.parse(line, "corpus entry " + index, CorpusEntry.LIMITS));
    Base64.Encoder b64 = Base64.getEncoder();
    o.put("line", b64.encodeToString(line));
    ObjectNode proof = o.putObject("proof");
    proof.put("tree_size", treeSize);
    proof.put("leaf_index", index);
    proof.put("root", c.rootBase64());
    ArrayNode path = proof.putArray("audit_path");
    for (byte[] h : log.inclusionProof(index, treeSize)) {
      path.add(b64.encodeToString(h));
    }
    proof.put("checkpoint", note.format());
    return o;
  }

  private static boolean matches(JsonNode entry, String q) {
    JsonNode aene = entry.path("aene");
    return contains(aene.path("observation"), q)
        || contains(aene.path("reasoning"), q)
        || contains(aene.path("action"), q)
        || contains(aene.path("consequences"), q);
  }

  private static boolean contains(JsonNode node, String q) {
    String text = node.isTextual() ? node.asText() : node.isMissingNode() ? "" : node.toString();
    return text.toLowerCase(Locale.ROOT).contains(q);
  }

  private static ObjectNode summaryOf(long index, JsonNode entry, String q) {
    JsonNode aene = entry.path("aene");
    JsonNode model = entry.path("provenance").path("model");
    ObjectNode row = F.objectNode();
    row.put("index", index);
    row.put("aene", aene.path("id").asText(""));
    row.put("observation", excerpt(aene.path("observation").asText(""), q));
    row.put("reasoning", excerpt(aene.path("reasoning").asText(""), q));
    JsonNode action = aene.path("action");
    row.put("action", action.isTextual() ? action.asText() : action.path("text").asText(""));
    row.put("model", model.path("name").asText(""));
    row.put("sim", model.path("simulated").asBoolean(false));
    row.put("dlv", entry.path("verdict").path("dlv").asDouble(0));
    row.put("epoch", entry.path("provenance").path("epoch").asLong(0));
    return row;
  }

  /** The text around the first match of {@code q}, else its end (where the situation is). */
  static String excerpt(String text, String q) {
    if (text.length() <= EXCERPT) {
      return text;
    }
    int at = q.isEmpty() ? -1 : text.toLowerCase(Locale.ROOT).indexOf(q);
    int start =
        at < 0
            ? text.length() - EXCERPT
            : Math.max(0, Math.min(at - EXCERPT / 3, text.length() - EXCERPT));
    int end = Math.min(text.length(), start + EXCERPT);
    return (start > 0 ? "…" : "") + text.substring(start, end) + (end < text.length() ? "…" : "");
  }

  private static SignedNote note(LogSnapshot log, long size) throws LogException {
    try {
      return SignedNote.parse(log.checkpointBytes(size));
    } catch (io.aurelius.anchoring.note.MalformedNoteException e) {
      throw new LogException("checkpoint " + size + ": " + e.getMessage(), e);
    }
  }

  private static Checkpoint checkpoint(SignedNote note, long size) throws LogException {
    try {
      return Checkpoint.parse(note.text());
    } catch (io.aurelius.anchoring.note.MalformedNoteException e) {
      throw new LogException("checkpoint " + size + ": " + e.getMessage(), e);
    }
  }
}
