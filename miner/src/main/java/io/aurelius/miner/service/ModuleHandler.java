package io.aurelius.miner.service;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.config.module.ModuleLimits;
import io.aurelius.config.module.Modules;
import io.aurelius.config.submission.MalformedSubmissionException;
import io.aurelius.config.submission.ModuleSubmission;
import io.aurelius.config.submission.SubmissionQuery;
import io.aurelius.core.crypto.Signer;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.json.CanonicalJson;
import io.aurelius.core.json.Json;
import io.aurelius.core.protocol.ProtocolStatus;
import io.aurelius.core.transport.CallRefusedException;
import io.aurelius.core.transport.InboundCall;
import io.aurelius.core.transport.RouteHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Answers {@code miner/module}: the same {@link SubmissionQuery} as {@code miner/query}, answered
 * with a {@link ModuleSubmission} of one module from the miner's module directory ({@code *.json},
 * in file-name order, read at each call; files that are not module documents are skipped), chosen
 * by {@link Rotation} and signed by the miner's hotkey. The validator decides admission against its
 * world model. Refusals are 400 (malformed query) or 422 (wrong sender, no module, too large).
 */
final class ModuleHandler implements RouteHandler {
  static final String ROUTE = ModuleSubmission.ROUTE;

  private final Path directory;
  private final Signer key;
  private final Clock clock;

  ModuleHandler(Path directory, Signer key, Clock clock) {
    this.directory = requireNonNull(directory, "directory");
    this.key = requireNonNull(key, "key");
    this.clock = requireNonNull(clock, "clock");
  }

  @Override
  public Object handle(InboundCall call) {
    SubmissionQuery query;
    try {
      query = SubmissionQuery.fromJson(call.body());
    } catch (MalformedSubmissionException e) {
      throw new CallRefusedException(ProtocolStatus.BAD_REQUEST, e.getMessage());
    }
    if (!query.validator().equals(call.sender())) {
      throw new CallRefusedException(
          ProtocolStatus.UNPROCESSABLE,
          "query.validator: "
              + query.validator()
              + " (expected: the sender, "
              + call.sender()
              + ")");
    }
    List<JsonNode> modules = modules();
    if (modules.isEmpty()) {
      throw new CallRefusedException(
          ProtocolStatus.UNPROCESSABLE,
          "miner "
              + KeyId.of(key.publicKey()).shortForm()
              + " has no module to serve (expected: module documents in "
              + directory
              + ")");
    }
    JsonNode picked = modules.get(Rotation.start(query.epoch(), query.validator(), modules.size()));
    ModuleSubmission answer = ModuleSubmission.issue(query, key, picked, clock.instant());
    int size = CanonicalJson.bytes(answer.module()).length;
    if (size > query.maxBytes()) {
      throw new CallRefusedException(
          ProtocolStatus.UNPROCESSABLE,
          "query.max_bytes: "
              + query.maxBytes()
              + " (expected: at least "
              + size
              + ", the module this miner serves now)");
    }
    return answer.toJson();
  }

  /** The module documents in the directory now, in file-name order. */
  List<JsonNode> modules() {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    List<Path> files;
    try (Stream<Path> listing = Files.list(directory)) {
      files = listing.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<JsonNode> out = new ArrayList<>();
    for (Path file : files) {
      try {
        JsonNode document =
            Json.parse(Files.readAllBytes(file), file.toString(), ModuleLimits.JSON);
        Modules.read(document, file.toString());
        out.add(document);
      } catch (IOException | RuntimeException e) {
        // Not a module document: the miner's own `aurelius module validate` says why.
      }
    }
    return out;
  }
}
