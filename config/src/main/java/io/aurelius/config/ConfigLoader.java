package io.aurelius.config;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.config.cel.CelEngine;
import io.aurelius.config.cel.CompiledExpression;
import io.aurelius.config.model.ScenarioConfig;
import io.aurelius.config.module.Imports;
import io.aurelius.config.module.MechanicPack;
import io.aurelius.config.module.Module;
import io.aurelius.config.module.ModuleProblem;
import io.aurelius.config.module.ModuleSet;
import io.aurelius.config.module.ModuleUse;
import io.aurelius.config.outcome.OutcomeFragments;
import io.aurelius.config.validation.ConfigInvalidException;
import io.aurelius.config.validation.Consistency;
import io.aurelius.config.validation.DocumentReader;
import io.aurelius.config.validation.ExpressionChecker;
import io.aurelius.config.validation.Limits;
import io.aurelius.config.validation.Problem;
import io.aurelius.config.validation.Problems;
import io.aurelius.core.hash.ContentId;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonInputException;
import io.aurelius.core.json.Utf8;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads untrusted configuration bytes: strict JSON under {@link Limits#JSON} (UTF-8, no duplicate
 * keys, at most 64 KiB and 16 levels), then the structure, then consistency, then every CEL
 * expression in its scope, then the signature if there is one. Imported mechanic packs are merged
 * in, their outcome fragments into the outcome map. Every problem is reported, each with its JSON
 * path and expected value.
 */
public final class ConfigLoader {
  private static final CelEngine ENGINE = new CelEngine(Limits.CEL);

  private ConfigLoader() {}

  /** Validates and compiles, or throws {@link ConfigInvalidException} listing every problem. */
  public static CompiledConfig load(byte[] bytes, String what) {
    ValidationReport report = validate(bytes);
    return report.config().orElseThrow(() -> new ConfigInvalidException(what, report.problems()));
  }

  /** As {@link #load(byte[], String)}, for an already parsed document. */
  public static CompiledConfig load(JsonNode document, String what) {
    ValidationReport report = validate(document);
    return report.config().orElseThrow(() -> new ConfigInvalidException(what, report.problems()));
  }

  public static ValidationReport validate(byte[] bytes) {
    return validate(bytes, ModuleSet.BASE);
  }

  /**
   * As {@link #validate(byte[])}, resolving the document's {@code imports} against the adopted
   * modules of a world model (see {@link #validate(JsonNode, ModuleSet)}).
   */
  public static ValidationReport validate(byte[] bytes, ModuleSet adopted) {
    requireNonNull(bytes, "bytes");
    requireNonNull(adopted, "adopted");
    if (bytes.length > Limits.MAX_DOCUMENT_BYTES) {
      return failed(bytes.length + " bytes (expected: at most " + Limits.MAX_DOCUMENT_BYTES + ")");
    }
    Optional<String> encoding = Utf8.problem(bytes);
    if (encoding.isPresent()) {
      return failed(encoding.get());
    }
    JsonNode document;
    try {
      document = Json.parse(bytes, "$", Limits.JSON);
    } catch (JsonInputException e) {
      String message =
          e.getMessage().startsWith("$: ") ? e.getMessage().substring(3) : e.getMessage();
      return failed(message);
    }
    return document.isObject() && document.has(Imports.MEMBER)
        ? validate(document, adopted)
        : validate(document);
  }

  private static ValidationReport failed(String message) {
    return new ValidationReport(List.of(new Problem("$", message)), Optional.empty());
  }

  /**
   * As {@link #validate(JsonNode)}, resolving the document's {@code imports} against the adopted
   * modules of a world model; the compiled configuration records that version and what it used. Its
   * id is that of the document as written.
   */
  public static ValidationReport validate(JsonNode document, ModuleSet adopted) {
    requireNonNull(document, "document");
    requireNonNull(adopted, "adopted");
    if (!document.isObject()) {
      return validate(document);
    }
    List<ModuleProblem> refused = new ArrayList<>();
    Optional<Imports.Expansion> expansion = Imports.expand(document, adopted, refused);
    if (expansion.isEmpty()) {
      return new ValidationReport(
          refused.stream()
              .map(p -> new Problem(p.path(), "[" + p.reason().code() + "] " + p.message()))
              .toList(),
          Optional.empty());
    }
    ValidationReport plain = validate(expansion.get().document());
    if (plain.config().isEmpty()) {
      return plain;
    }
    Problems problems = new Problems();
    ContentId id = ConfigDocuments.id(document);
    signature(document, id, problems);
    if (!problems.isEmpty()) {
      return new ValidationReport(problems.list(), Optional.empty());
    }
    CompiledConfig merged = plain.config().get();
    ScenarioConfig config =
        OutcomeFragments.apply(merged.config(), fragments(expansion.get().use()));
    return new ValidationReport(
        List.of(),
        Optional.of(
            new CompiledConfig(config, id, document, merged.expressions(), expansion.get().use())));
  }

  /** The outcome fragments of the imported packs, in merge order. */
  private static List<OutcomeFragments.Fragment> fragments(ModuleUse use) {
    List<OutcomeFragments.Fragment> out = new ArrayList<>();
    for (Module m : use.used()) {
      if (m instanceof MechanicPack pack) {
        pack.outcome().ifPresent(o -> out.add(new OutcomeFragments.Fragment(pack.prefix(), o)));
      }
    }
    return out;
  }

  /** As {@link #load(JsonNode, String)}, resolving imports against {@code adopted}. */
  public static CompiledConfig load(JsonNode document, String what, ModuleSet adopted) {
    ValidationReport report = validate(document, adopted);
    return report.config().orElseThrow(() -> new ConfigInvalidException(what, report.problems()));
  }

  private static void signature(JsonNode document, ContentId id, Problems problems) {
    DocumentReader.signatureOf(document, problems)
        .ifPresent(
            s -> {
              if (!ConfigDocuments.verifies(s, id)) {
                problems.add(
                    "$.signature.signature",
                    "does not verify for "
                        + s.author().address()
                        + " (expected: a signature by the author over the id "
                        + id.hex()
                        + ")");
              }
            });
  }

  public static ValidationReport validate(JsonNode document) {
    requireNonNull(document, "document");
    if (document.isObject() && document.has(Imports.MEMBER)) {
      return validate(document, ModuleSet.BASE);
    }
    Problems problems = new Problems();
    ScenarioConfig config = DocumentReader.read(document, problems);
    if (!document.isObject()) {
      return new ValidationReport(problems.list(), Optional.empty());
    }
    Consistency.check(config, problems);
    Map<String, CompiledExpression> programs =
        new ExpressionChecker(config, ENGINE, problems).run();
    ContentId id;
    try {
      id = ConfigDocuments.id(document);
    } catch (JsonInputException e) {
      problems.add("$", e.getMessage());
      return new ValidationReport(problems.list(), Optional.empty());
    }
    config
        .signature()
        .ifPresent(
            s -> {
              if (!ConfigDocuments.verifies(s, id)) {
                problems.add(
                    "$.signature.signature",
                    "does not verify for "
                        + s.author().address()
                        + " (expected: an Ed25519 signature by the author over the id "
                        + id.hex()
                        + ")");
              }
            });
    if (!problems.isEmpty()) {
      return new ValidationReport(problems.list(), Optional.empty());
    }
    return new ValidationReport(
        problems.list(), Optional.of(new CompiledConfig(config, id, document, programs)));
  }
}
