package io.aurelius.node.devnet;

import static java.util.Objects.requireNonNull;

import io.aurelius.anchoring.covenant.Covenant;
import io.aurelius.anchoring.log.GitLog;
import io.aurelius.anchoring.log.LogException;
import io.aurelius.anchoring.log.LogSnapshot;
import io.aurelius.config.module.WorldModelVersion;
import io.aurelius.core.chain.Metagraph;
import io.aurelius.core.chain.NeuronInfo;
import io.aurelius.validator.epoch.EpochReport;
import io.aurelius.validator.modules.WorldModelAmendments;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a devnet run showed: per miner, each validator's last score and weight and the chain's Yuma
 * incentive; every submission's outcome; aenes accepted; the corpus checkpoint; the git URLs to
 * clone; and each validator's covenant log (its world-model version, how to verify it). Built from
 * the validators' epoch reports and the chain's metagraph.
 */
public record DevnetSummary(
    Metagraph metagraph,
    List<MinerLine> miners,
    List<ValidatorLine> validators,
    String modelSpec,
    Path corpusTrustedKeys,
    Path corpusSeenDir,
    String chainEndpoint,
    String chainAuthority,
    List<String> stamps,
    EpochNumbers epochNumbers,
    Path covenantTrustedKeys,
    List<CovenantLine> covenants) {
  public DevnetSummary {
    stamps = List.copyOf(stamps);
    requireNonNull(covenantTrustedKeys, "covenantTrustedKeys");
    covenants = List.copyOf(covenants);
    requireNonNull(epochNumbers, "epochNumbers");
    requireNonNull(chainEndpoint, "chainEndpoint");
    requireNonNull(chainAuthority, "chainAuthority");
    requireNonNull(metagraph, "metagraph");
    requireNonNull(corpusTrustedKeys, "corpusTrustedKeys");
    requireNonNull(corpusSeenDir, "corpusSeenDir");
    miners = List.copyOf(miners);
    validators = List.copyOf(validators);
    requireNonNull(modelSpec, "modelSpec");
  }

  /** A miner, its configurations, its incentive and its configurations' git URL. */
  public record MinerLine(
      String name,
      String hotkey,
      int uid,
      double incentive,
      List<String> configurations,
      String gitUrl) {}

  /** A validator, its stake, its epoch reports and its repositories' URLs. */
  public record ValidatorLine(
      String name,
      String hotkey,
      long stake,
      List<EpochReport> reports,
      String corpusUrl,
      String configsUrl,
      String worldModelUrl) {
    public Optional<EpochReport> last() {
      return reports.isEmpty() ? Optional.empty() : Optional.of(reports.get(reports.size() - 1));
    }
  }

  /**
   * A validator's covenant log after the run: the world-model version the covenant in force names
   * (none before the first anchored adoption) and its entries, or why it could not be read.
   */
  public record CovenantLine(
      String validator,
      Path log,
      Optional<WorldModelVersion> worldModel,
      long entries,
      Optional<String> unreadable) {
    static CovenantLine of(DevnetValidator v) {
      Path log = v.covenant().orElseThrow();
      try {
        Covenant c = DevnetCovenant.current(log);
        return new CovenantLine(
            v.name(), log, WorldModelAmendments.version(c), c.entries(), Optional.empty());
      } catch (IllegalStateException e) {
        return new CovenantLine(
            v.name(), log, Optional.empty(), 0, Optional.of(String.valueOf(e.getMessage())));
      }
    }
  }

  static DevnetSummary of(Devnet devnet) {
    Metagraph graph = devnet.chain().chain().metagraph(true);
    List<MinerLine> miners =
        devnet.miners().stream()
            .map(
                m -> {
                  NeuronInfo n =
                      graph
                          .byHotkey(m.hotkey())
                          .orElseThrow(
                              () -> new IllegalStateException(m.name() + " is not on the chain"));
                  return new MinerLine(
                      m.name(),
                      m.hotkey().address(),
                      n.uid(),
                      n.incentive(),
                      m.configurations(),
                      m.gitUrl());
                })
            .toList();
    List<ValidatorLine> validators =
        devnet.validators().stream()
            .map(
                v ->
                    new ValidatorLine(
                        v.name(),
                        v.hotkey().address(),
                        v.stake(),
                        v.reports(),
                        v.corpusUrl(),
                        v.configsUrl(),
                        v.worldModelUrl()))
            .toList();
    return new DevnetSummary(
        graph,
        miners,
        validators,
        devnet.modelSpec(),
        devnet.corpusTrustedKeys(),
        devnet.corpusSeenDir(),
        "127.0.0.1:" + devnet.chain().port(),
        devnet.chain().authority().address(),
        devnet.validators().stream().map(v -> stamps(v, devnet)).toList(),
        devnet.epochNumbers(),
        devnet.covenantTrustedKeys(),
        devnet.validators().stream()
            .filter(v -> v.covenant().isPresent())
            .map(CovenantLine::of)
            .toList());
  }

  /** How far the validator's checkpoints are stamped, and what the calendar can prove. */
  private static String stamps(DevnetValidator v, Devnet devnet) {
    String where =
        devnet
            .localCalendar()
            .map(
                u ->
                    "pending at the local devnet calendar "
                        + u
                        + ", which never reaches Bitcoin: corpus verify reports them pending,"
                        + " not verified")
            .orElse("at " + devnet.settings().otsCalendars());
    try (GitLog log = GitLog.open(v.service().corpusRepository())) {
      LogSnapshot head = log.head();
      List<Long> stamped = head.stampedSizes();
      return "stamps ("
          + v.name()
          + "): .ots proofs for "
          + stamped.size()
          + " checkpoint(s), the latest ("
          + head.size()
          + ") "
          + (stamped.contains(head.size()) ? "stamped" : "not yet stamped")
          + "; "
          + where;
    } catch (LogException e) {
      return "stamps (" + v.name() + "): unreadable corpus: " + e.getMessage();
    }
  }

  /**
   * The arguments of {@code aurelius corpus verify} for the first validator's corpus: its keys from
   * the devnet's trusted-keys file, and a seen-checkpoints directory of its own, so a later devnet
   * (a new log under the same origin) is not taken for a fork of this one.
   *
   * <p>The witness quorum is relaxed explicitly, and the summary says why: each validator keeps its
   * own log and only the other validator cosigns it, so validator-1's checkpoints carry 400 of the
   * 1000 stake, below the default 2/3. The verify output still weighs the cosignatures and says the
   * latest checkpoint is not witnessed. A validator is not counted as a witness of its own replica:
   * it cosigns with its log key, so its cosignature would say nothing its own signature does not;
   * and no split of two validators' stake gives both replicas 2/3 from the other alone.
   */
  public List<String> verifyCorpusArguments() {
    return List.of(
        "corpus",
        "verify",
        validators.get(0).corpusUrl(),
        "--trusted-keys",
        corpusTrustedKeys.toString(),
        RELAX_QUORUM,
        "--seen-dir",
        corpusSeenDir.toString());
  }

  /**
   * The same verification with the trust taken from the chain instead of the trusted-keys file: the
   * metagraph's validators as witnesses, each bound to its cosignature key by a statement its
   * hotkey signed (docs/corpus-format.md).
   */
  public List<String> verifyCorpusFromChainArguments() {
    return List.of(
        "corpus",
        "verify",
        validators.get(0).corpusUrl(),
        "--chain-endpoint",
        chainEndpoint,
        "--chain-authority",
        chainAuthority,
        RELAX_QUORUM,
        "--seen-dir",
        corpusSeenDir.toString());
  }

  /**
   * The arguments of {@code aurelius corpus verify} for a validator's covenant log: its log key
   * from the devnet's covenant trusted-keys file (each covenant has its own origin, so they share
   * the seen-checkpoints directory). A covenant has no witnesses, so no quorum applies.
   */
  public List<String> verifyCovenantArguments(CovenantLine covenant) {
    return List.of(
        "corpus",
        "verify",
        covenant.log().toString(),
        "--trusted-keys",
        covenantTrustedKeys.toString(),
        "--seen-dir",
        corpusSeenDir.toString());
  }

  /** Accepts a checkpoint below the witness quorum (see {@link #verifyCorpusArguments()}). */
  public static final String RELAX_QUORUM = "--require-witnessed-enabled=false";

  /** Total aenes that entered the corpus, by the first validator's count. */
  public int aenesAccepted() {
    return validators.isEmpty()
        ? 0
        : validators.get(0).reports().stream().mapToInt(EpochReport::aenesAccepted).sum();
  }

  public void print(PrintWriter out) {
    out.println();
    out.println(
        "== devnet summary at block "
            + metagraph.block()
            + " (model output: sim, from "
            + modelSpec
            + ") ==");
    out.println();
    out.print(String.format("%-8s %4s %-10s", "miner", "uid", "hotkey"));
    for (ValidatorLine v : validators) {
      out.print(String.format("  %-23s", v.name() + " score/weight"));
    }
    out.println("  incentive");
    for (MinerLine m : miners) {
      out.print(
          String.format("%-8s %4d %-10s", m.name(), m.uid(), m.hotkey().substring(0, 8) + "…"));
      for (ValidatorLine v : validators) {
        Optional<EpochReport.MinerScore> s =
            v.last()
                .flatMap(
                    r ->
                        r.miners().stream().filter(x -> x.hotkey().equals(m.hotkey())).findFirst());
        out.print(
            String.format(
                "  %-23s",
                s.map(x -> String.format("%.4f / %d", x.score(), x.weight())).orElse("-")));
      }
      out.println(String.format("  %.4f", m.incentive()));
    }
    out.println();
    out.println("submissions:");
    for (ValidatorLine v : validators) {
      for (EpochReport r : v.reports()) {
        for (EpochReport.Submitted s : r.submissions()) {
          String miner = minerName(s.miner());
          out.println(
              String.format(
                  "  epoch %-4d %-11s %-8s %-9s %s",
                  epochNumbers.of(r.epoch()),
                  v.name(),
                  miner,
                  s.outcome(),
                  s.message().isBlank() ? s.configId().orElse("") : s.message()));
        }
      }
    }
    out.println();
    out.println("weights set:");
    for (ValidatorLine v : validators) {
      for (EpochReport r : v.reports()) {
        out.println(
            String.format(
                "  epoch %d %-11s %s (%s) uids %s values %s",
                epochNumbers.of(r.epoch()),
                v.name(),
                r.weights().action(),
                r.weights().status(),
                r.weights().uids(),
                r.weights().values()));
      }
    }
    printTrust(out);
    out.println();
    out.println("aenes accepted into the corpus: " + aenesAccepted());
    for (ValidatorLine v : validators) {
      v.last()
          .flatMap(EpochReport::checkpoint)
          .ifPresentOrElse(
              c -> {
                out.println(
                    "corpus checkpoint ("
                        + v.name()
                        + "): "
                        + c.origin()
                        + ", size "
                        + c.size()
                        + ", root "
                        + c.root());
                out.println("  signers:   " + String.join(", ", c.signers()));
                out.println(
                    "  cosigners: "
                        + (c.cosigners().isEmpty() ? "none" : String.join(", ", c.cosigners())));
              },
              () -> out.println("corpus checkpoint (" + v.name() + "): none yet"));
    }
    stamps.forEach(out::println);
    out.println();
    out.println("clone with git:");
    for (ValidatorLine v : validators) {
      out.println("  git clone " + v.corpusUrl() + "     # " + v.name() + " corpus");
      out.println(
          "  git clone " + v.configsUrl() + "    # " + v.name() + " accepted configurations");
      out.println(
          "  git clone " + v.worldModelUrl() + "    # " + v.name() + " world model (adoptions)");
    }
    for (MinerLine m : miners) {
      out.println("  git clone " + m.gitUrl() + "    # " + m.name() + " library");
    }
    if (!validators.isEmpty()) {
      out.println("verify the corpus: aurelius " + String.join(" ", verifyCorpusArguments()));
      out.println(
          "  ("
              + RELAX_QUORUM
              + ": only the other validator cosigns each corpus, below the 2/3 stake quorum)");
      out.println(
          "  or with the keys from the chain: aurelius "
              + String.join(" ", verifyCorpusFromChainArguments()));
    }
    printCovenants(out);
    out.flush();
  }

  /** Per validator, the world-model version its covenant names, and how to verify the log. */
  private void printCovenants(PrintWriter out) {
    for (CovenantLine c : covenants) {
      if (c.unreadable().isPresent()) {
        out.println("covenant (" + c.validator() + "): unreadable: " + c.unreadable().get());
        continue;
      }
      out.println(
          "covenant ("
              + c.validator()
              + "): "
              + c.entries()
              + (c.entries() == 1 ? " entry" : " entries")
              + ", "
              + c.worldModel()
                  .map(v -> "world model " + v)
                  .orElse("world model 0 (no adoption anchored)")
              + ", at "
              + c.log());
      out.println(
          "  verify the covenant: aurelius " + String.join(" ", verifyCovenantArguments(c)));
    }
  }

  /**
   * Validator trust per epoch, as each validator computed it at consensus: trust in milli-trust
   * (mT), this epoch's change, and the quorum weight (stake × f(trust)) it counted with and will
   * count with next.
   */
  private void printTrust(PrintWriter out) {
    out.println();
    out.println("validator trust (Proof of Trust; quorum weight = stake × f(trust − mean trust)):");
    for (ValidatorLine seenBy : validators) {
      for (EpochReport r : seenBy.reports()) {
        double before = r.trust().stream().mapToDouble(t -> t.stake() * t.weightBefore()).sum();
        double after = r.trust().stream().mapToDouble(t -> t.stake() * t.weightAfter()).sum();
        for (EpochReport.TrustStanding t : r.trust()) {
          out.println(
              String.format(
                  java.util.Locale.ROOT,
                  "  epoch %-4d by %-11s %-11s trust %+8d mT (%+8d)  factor %.2f → %.2f"
                      + "  quorum share %5.1f%% → %5.1f%%",
                  r.epoch(),
                  seenBy.name(),
                  validatorName(t.validator()),
                  Math.round(t.after() * 1000),
                  Math.round(t.change() * 1000),
                  t.weightBefore(),
                  t.weightAfter(),
                  before > 0 ? 100 * t.stake() * t.weightBefore() / before : 0,
                  after > 0 ? 100 * t.stake() * t.weightAfter() / after : 0));
        }
      }
    }
  }

  /** The trust the last epoch of {@code seenBy} ended with, of each validator, by name. */
  public java.util.Map<String, Double> trust(String seenBy) {
    java.util.Map<String, Double> out = new java.util.TreeMap<>();
    validators.stream()
        .filter(v -> v.name().equals(seenBy))
        .findFirst()
        .flatMap(ValidatorLine::last)
        .ifPresent(r -> r.trust().forEach(t -> out.put(validatorName(t.validator()), t.after())));
    return out;
  }

  /** Quorum weight factors f(trust) at the end of {@code seenBy}'s last epoch, by name. */
  public java.util.Map<String, Double> weightFactors(String seenBy) {
    java.util.Map<String, Double> out = new java.util.TreeMap<>();
    validators.stream()
        .filter(v -> v.name().equals(seenBy))
        .findFirst()
        .flatMap(ValidatorLine::last)
        .ifPresent(
            r -> r.trust().forEach(t -> out.put(validatorName(t.validator()), t.weightAfter())));
    return out;
  }

  private String validatorName(String hotkey) {
    return validators.stream()
        .filter(v -> v.hotkey().equals(hotkey))
        .map(ValidatorLine::name)
        .findFirst()
        .orElse(hotkey.substring(0, Math.min(8, hotkey.length())) + "…");
  }

  private String minerName(String hotkey) {
    return miners.stream()
        .filter(m -> m.hotkey().equals(hotkey))
        .map(MinerLine::name)
        .findFirst()
        .orElse(hotkey.substring(0, Math.min(8, hotkey.length())) + "…");
  }
}
