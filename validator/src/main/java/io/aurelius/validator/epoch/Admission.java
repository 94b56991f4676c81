package io.aurelius.validator.epoch;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.config.CompiledConfig;
import io.aurelius.config.lint.Finding;
import io.aurelius.config.lint.OpacityLint;
import io.aurelius.judge.api.Fingerprint;
import io.aurelius.judge.api.Judges;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Step 3, after the verifier: the checks that need the whole epoch, in UID order so every validator
 * decides alike. Opacity lint; at most {@code perColdkey} submissions per coldkey (more are
 * rate-limited: one owner cannot flood the epoch with many hotkeys); an exact duplicate of a
 * configuration another miner submitted first (this epoch or before); a near-duplicate (MinHash
 * over the configuration text, estimated Jaccard at least 0.8) of one admitted earlier, its own
 * parent excepted; a fork whose text is identical to its parent's; and, last because it is the
 * costliest, a configuration the quality gate calls clearly poor.
 */
final class Admission {
  static final double NEAR_DUPLICATE = 0.8;

  private final OpacityLint lint;
  private final int perColdkey;
  private final Function<JsonNode, Judges.GateVerdict> gate;

  Admission(OpacityLint lint, int perColdkey) {
    this(lint, perColdkey, d -> new Judges.GateVerdict(true, 1, 0, "off"));
  }

  Admission(OpacityLint lint, int perColdkey, Function<JsonNode, Judges.GateVerdict> gate) {
    this.gate = requireNonNull(gate, "gate");
    this.lint = requireNonNull(lint, "lint");
    if (perColdkey < 1) {
      throw new IllegalArgumentException(
          "submissions per coldkey: " + perColdkey + " (expected: at least 1)");
    }
    this.perColdkey = perColdkey;
  }

  /**
   * @param known configurations seen in earlier epochs: id → (first miner, document)
   */
  List<SubmissionRecord> decide(List<MinerQueries.Checked> answers, Map<String, Known> known) {
    requireNonNull(answers, "answers");
    requireNonNull(known, "known");
    Map<String, Integer> perOwner = new HashMap<>();
    Map<String, Known> seen = new HashMap<>(known);
    List<Printed> admittedTexts = new ArrayList<>();
    known.forEach(
        (id, k) -> admittedTexts.add(new Printed(id, k.miner(), Fingerprint.of(k.document()))));
    List<SubmissionRecord> out = new ArrayList<>();
    for (MinerQueries.Checked a : answers) {
      Member m = a.miner();
      if (a.admitted().isEmpty()) {
        out.add(
            new SubmissionRecord(
                m.uid(),
                m.hotkey(),
                m.coldkey(),
                a.outcome().code(),
                a.message(),
                Optional.empty(),
                Optional.empty()));
        continue;
      }
      CompiledConfig config = a.admitted().get().config();
      JsonNode document = a.admitted().get().document();
      String id = config.id().hex();
      SubmissionRecord admitted =
          new SubmissionRecord(
              m.uid(),
              m.hotkey(),
              m.coldkey(),
              Outcome.ADMITTED.code(),
              a.message(),
              Optional.of(id),
              Optional.of(new SubmissionContent.Configuration(document)));
      out.add(check(admitted, config, document, perOwner, seen, admittedTexts));
    }
    return out;
  }

  private SubmissionRecord check(
      SubmissionRecord r,
      CompiledConfig config,
      JsonNode document,
      Map<String, Integer> perOwner,
      Map<String, Known> seen,
      List<Printed> admittedTexts) {
    String id = config.id().hex();
    List<Finding> findings = lint.check(config.config());
    if (!findings.isEmpty()) {
      return r.refuse(
          Outcome.LINT_DIRTY,
          "opacity lint: "
              + findings.get(0)
              + (findings.size() > 1 ? " (and " + (findings.size() - 1) + " more)" : ""));
    }
    int count = perOwner.merge(r.coldkey(), 1, Integer::sum);
    if (count > perColdkey) {
      return r.refuse(
          Outcome.RATE_LIMITED,
          "coldkey "
              + r.coldkey()
              + ": submission "
              + count
              + " this epoch (expected: at most "
              + perColdkey
              + " per coldkey)");
    }
    Known first = seen.get(id);
    if (first != null && !first.miner().equals(r.miner())) {
      return r.refuse(
          Outcome.DUPLICATE,
          "configuration "
              + config.id().shortHex()
              + " was first submitted by "
              + first.miner()
              + " (expected: a configuration of your own)");
    }
    Optional<String> parent =
        Optional.ofNullable(document.get("parent"))
            .filter(JsonNode::isTextual)
            .map(JsonNode::asText);
    Fingerprint print = Fingerprint.of(document);
    if (parent.isPresent()
        && seen.containsKey(parent.get())
        && Fingerprint.of(seen.get(parent.get()).document()).sameScenario(print)) {
      return r.refuse(
          Outcome.FORK_IDENTICAL,
          "fork of "
              + parent.get().substring(0, Math.min(12, parent.get().length()))
              + " changes nothing but its name or lineage (expected: a changed scenario)");
    }
    for (Printed other : admittedTexts) {
      if (other.id().equals(id)
          || parent.filter(other.id()::equals).isPresent()
          || other.miner().equals(r.miner())) {
        continue;
      }
      double similarity = print.similarity(other.print());
      if (similarity >= NEAR_DUPLICATE) {
        return r.refuse(
            Outcome.NEAR_DUPLICATE,
            String.format(
                java.util.Locale.ROOT,
                "configuration %s is a near-duplicate of %s (similarity %.2f, expected: below %.2f)",
                config.id().shortHex(),
                other.id().substring(0, 12),
                similarity,
                NEAR_DUPLICATE));
      }
    }
    Judges.GateVerdict quality = gate.apply(document);
    if (!quality.admitted()) {
      return r.refuse(
          Outcome.QUALITY_GATE,
          String.format(
              java.util.Locale.ROOT,
              "quality gate %s: P(GOOD) %.3f (expected: at least %.2f)",
              quality.version(),
              quality.probability(),
              quality.threshold()));
    }
    seen.putIfAbsent(id, new Known(r.miner(), document));
    admittedTexts.add(new Printed(id, r.miner(), print));
    return r;
  }

  /** A configuration seen before: the miner that first submitted it, and its document. */
  record Known(String miner, JsonNode document) {}

  private record Printed(String id, String miner, Fingerprint print) {}
}
