package io.aurelius.miner.intake;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.config.CompiledConfig;
import io.aurelius.config.ConfigDocuments;
import io.aurelius.config.ConfigLoader;
import io.aurelius.config.ValidationReport;
import io.aurelius.config.lint.Finding;
import io.aurelius.config.lint.OpacityLint;
import io.aurelius.config.module.ModuleSet;
import io.aurelius.config.validation.Problem;
import io.aurelius.core.json.CanonicalJson;
import io.aurelius.core.json.JsonInputException;
import java.util.List;
import java.util.function.Supplier;

/** Applies an {@link IntakePolicy}: validation, size, then opacity lint. Thread-safe. */
public final class Intake {
  private final IntakePolicy policy;
  private final OpacityLint lint;
  private final Supplier<ModuleSet> modules;

  /** Intake under the base world model: a configuration with {@code imports} is refused. */
  public Intake(IntakePolicy policy) {
    this(policy, () -> ModuleSet.BASE);
  }

  /**
   * Intake resolving a configuration's {@code imports} against {@code modules}, read at each check
   * (the miner's own modules, see {@code MinerModules}).
   */
  public Intake(IntakePolicy policy, Supplier<ModuleSet> modules) {
    this.policy = requireNonNull(policy, "policy");
    this.lint = OpacityLint.bundled();
    this.modules = requireNonNull(modules, "modules");
  }

  public IntakePolicy policy() {
    return policy;
  }

  /** Checks configuration bytes as read from a file or the library. */
  public IntakeResult check(byte[] bytes) {
    requireNonNull(bytes, "bytes");
    return judge(ConfigLoader.validate(bytes, modules.get()));
  }

  /** Checks a document built in memory (a fork), under the same byte limits as a file. */
  public IntakeResult check(JsonNode document) {
    requireNonNull(document, "document");
    byte[] canonical;
    try {
      canonical = CanonicalJson.bytes(document);
    } catch (JsonInputException e) {
      return new IntakeResult.Refused(List.of(e.getMessage()));
    }
    return judge(ConfigLoader.validate(canonical, modules.get()));
  }

  private IntakeResult judge(ValidationReport report) {
    if (!report.valid()) {
      return new IntakeResult.Refused(report.problems().stream().map(Problem::toString).toList());
    }
    CompiledConfig config = report.config().orElseThrow();
    int size = CanonicalJson.bytes(ConfigDocuments.unsigned(config.document())).length;
    if (size > policy.maxBytes()) {
      return new IntakeResult.Refused(
          List.of(
              "$: "
                  + size
                  + " canonical bytes (expected: at most "
                  + policy.maxBytes()
                  + ", the miner's --max-config-bytes)"));
    }
    List<String> findings = lint.check(config.config()).stream().map(Finding::toString).toList();
    if (policy.strictLint() && !findings.isEmpty()) {
      return new IntakeResult.Refused(findings);
    }
    return new IntakeResult.Accepted(config, findings);
  }
}
