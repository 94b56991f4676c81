package io.aurelius.judge.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.judge.calibration.Calibration;
import io.aurelius.judge.defence.CanaryFactory;
import io.aurelius.judge.defence.InjectionDetector;
import io.aurelius.judge.embedding.MiniLmEmbedder;
import io.aurelius.judge.ensemble.AeneVerdict;
import io.aurelius.judge.ensemble.BatchVerdict;
import io.aurelius.judge.ensemble.Ensemble;
import io.aurelius.judge.ensemble.EnsemblePolicy;
import io.aurelius.judge.ensemble.Flag;
import io.aurelius.judge.ensemble.ReputationBook;
import io.aurelius.judge.gate.QualityGate;
import io.aurelius.judge.panel.JudgePanel;
import io.aurelius.judge.panel.JudgeSpec;
import io.aurelius.judge.port.Judge;
import io.aurelius.judge.ranking.Ranked;
import io.aurelius.judge.ranking.RankingPolicy;
import io.aurelius.judge.rubric.Rubric;
import io.aurelius.judge.rubric.Rubrics;
import io.aurelius.judge.scoring.AeneInputs;
import io.aurelius.judge.scoring.ConfigurationScore;
import io.aurelius.judge.scoring.EpochScore;
import io.aurelius.judge.scoring.EpochScorer;
import io.aurelius.judge.signals.EvaluationAwareness;
import io.aurelius.worldmodel.agent.endpoint.EndpointPolicy;
import io.aurelius.worldmodel.outcome.UlfrWeights;
import io.aurelius.worldmodel.transcript.Aene;
import io.aurelius.worldmodel.transcript.Transcript;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A validator's judges: the panel built once from a {@link JudgeSetup}, with a bounded pool of its
 * own for judge calls. It answers two questions: "score these transcripts against this corpus"
 * ({@link #score}) and "what do you make of these aenes" ({@link #rejudge}, for peers' proposals).
 * Canaries are chosen with a secret the caller derives (the validator signs a label with its
 * hotkey): replays agree, and miners cannot predict them.
 */
public final class Judges implements AutoCloseable {
  private final Rubric rubric = Rubrics.dlvV1();
  private final List<Judge> judges;
  private final double threshold;
  private final ExecutorService pool;
  private final double qualityThreshold;
  private final Optional<QualityGate> qualityGate;

  private final int minDecisions;

  private Judges(
      List<Judge> judges,
      double threshold,
      ExecutorService pool,
      double qualityThreshold,
      int minDecisions) {
    this.judges = judges;
    this.threshold = threshold;
    this.minDecisions = minDecisions;
    this.pool = pool;
    this.qualityThreshold = qualityThreshold;
    this.qualityGate = qualityThreshold > 0 ? Optional.of(QualityGate.bundled()) : Optional.empty();
  }

  /**
   * The admission quality gate's verdict on a configuration document: refused when its probability
   * of being GOOD is below the setup's threshold. Always admitted when the gate is off (threshold
   * 0).
   */
  public GateVerdict qualityGate(JsonNode document) {
    requireNonNull(document, "document");
    if (qualityGate.isEmpty()) {
      return new GateVerdict(true, 1, 0, "off");
    }
    double p = qualityGate.get().probability(document);
    return new GateVerdict(p >= qualityThreshold, p, qualityThreshold, qualityGate.get().version());
  }

  /**
   * @param probability the gate's probability that the configuration is GOOD
   * @param version the gate model's version
   */
  public record GateVerdict(
      boolean admitted, double probability, double threshold, String version) {}

  /**
   * Builds the panel. An LLM judge gets the setup's endpoint policy and key; {@code embedded} and
   * {@code sim} run in process.
   *
   * @throws IllegalArgumentException for a spec that does not parse (one line: which, and what is
   *     expected)
   */
  public static Judges open(JudgeSetup setup) {
    requireNonNull(setup, "setup");
    EndpointPolicy d = EndpointPolicy.DEFAULT;
    EndpointPolicy policy =
        d.withMaxConcurrency(setup.endpointConcurrency())
            .withTimeout(setup.callTimeout())
            .withAttempts(setup.attempts(), d.backoffBase(), d.backoffMax());
    List<Judge> judges =
        JudgePanel.build(
            setup.specs().stream().map(JudgeSpec::parse).toList(),
            List.of(),
            Rubrics.dlvV1(),
            policy,
            setup.apiKey());
    return new Judges(
        judges,
        setup.dlvThreshold(),
        Executors.newFixedThreadPool(setup.threads(), daemon()),
        setup.qualityGate(),
        setup.minDecisions());
  }

  public double threshold() {
    return threshold;
  }

  /** The judges' ids, in panel order. */
  public List<String> ids() {
    return judges.stream().map(j -> j.descriptor().id()).toList();
  }

  /**
   * Judges every aene of the epoch, measures the secondary signals against {@code corpus} and ranks
   * the configurations on the DLV-gated Pareto frontier.
   *
   * @param transcripts in admission order: a configuration's novelty counts only those before it
   * @param judgeReputation the judges' reputations after the last scored epoch (empty: the prior)
   */
  public EpochJudgement score(
      byte[] canarySecret,
      List<Transcript> transcripts,
      List<PublishedConfiguration> corpus,
      Map<String, Double> judgeReputation) {
    return score(canarySecret, transcripts, corpus, judgeReputation, UlfrWeights.V1);
  }

  /** As {@link #score(byte[], List, List, Map)}, the ULFR lens measured with {@code ulfr}. */
  public EpochJudgement score(
      byte[] canarySecret,
      List<Transcript> transcripts,
      List<PublishedConfiguration> corpus,
      Map<String, Double> judgeReputation,
      UlfrWeights ulfr) {
    requireNonNull(transcripts, "transcripts");
    requireNonNull(corpus, "corpus");
    EpochScorer scorer =
        new EpochScorer(
            ensemble(canarySecret),
            MiniLmEmbedder.shared(),
            EvaluationAwareness.bundled(),
            new RankingPolicy(threshold, RankingPolicy.DEFAULT.emaAlpha(), minDecisions),
            ulfr);
    EpochScore score =
        scorer.score(
            transcripts,
            corpus.stream().map(PublishedConfiguration::entry).toList(),
            new ReputationBook(judgeReputation));
    Map<String, Ranked> ranked = new HashMap<>();
    score.ranking().ranked().forEach(r -> ranked.put(r.id(), r));
    List<ConfigurationJudgement> out = new ArrayList<>();
    Map<String, Map<String, Integer>> calls = new LinkedHashMap<>();
    for (ConfigurationScore c : score.configurations()) {
      Ranked r = ranked.get(c.id());
      Map<String, Aene> aenes = new HashMap<>();
      c.aeneRecords().forEach(a -> aenes.put(a.id().hex(), a));
      List<ApprovedAene> approved = new ArrayList<>();
      List<JudgedAene> declined = new ArrayList<>();
      for (AeneVerdict v : c.verdict().aenes()) {
        Aene a = aenes.get(v.aeneId());
        if (a == null) {
          continue;
        }
        if (approves(v)) {
          approved.add(new ApprovedAene(a, v.dlv(), acceptance(v)));
        } else {
          declined.add(new JudgedAene(a, v.dlv(), acceptance(v), false));
        }
      }
      out.add(
          new ConfigurationJudgement(
              c.configId().hex(),
              c.dlv(),
              c.novelty().novelty(),
              c.efficiency(),
              c.immersion().immersion(),
              r != null && r.passed(),
              r == null ? 0.0 : r.reward(),
              approved,
              declined,
              c.ulfr()));
      c.verdict()
          .statuses()
          .forEach(
              (judge, counts) ->
                  counts.forEach(
                      (status, n) ->
                          calls
                              .computeIfAbsent(judge, k -> new LinkedHashMap<>())
                              .merge(status, n, Integer::sum)));
    }
    return new EpochJudgement(out, score.reputation().reputations(), calls, score);
  }

  /** Judges a peer's aenes again: by aene id, the DLV and whether this validator approves it. */
  public Map<String, Rejudgement> rejudge(
      byte[] canarySecret, List<Aene> aenes, Map<String, Double> judgeReputation) {
    requireNonNull(aenes, "aenes");
    if (aenes.isEmpty()) {
      return Map.of();
    }
    BatchVerdict verdict =
        ensemble(canarySecret)
            .judge(
                aenes.stream().map(AeneInputs::of).toList(), new ReputationBook(judgeReputation));
    Map<String, Rejudgement> out = new HashMap<>();
    for (AeneVerdict v : verdict.aenes()) {
      out.put(v.aeneId(), new Rejudgement(v.dlv(), approves(v), acceptance(v)));
    }
    return out;
  }

  /**
   * An aene's action in words, as judges read it: {@code give oxygen (patient: kofi, cylinders:
   * 2)}.
   */
  public static String actionInWords(Aene aene) {
    return AeneInputs.action(aene);
  }

  /** Whether this validator puts an aene forward for the corpus. */
  private boolean approves(AeneVerdict v) {
    return v.dlv() >= threshold && !v.flagged(Flag.INSTRUCTION_LIKE) && !v.flagged(Flag.UNJUDGED);
  }

  private double acceptance(AeneVerdict v) {
    double spread =
        v.judgeDlv().values().stream().mapToDouble(Double::doubleValue).max().orElse(0)
            - v.judgeDlv().values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
    return AcceptanceForecast.of(
        v.dlv(), spread, threshold, v.flagged(Flag.INSTRUCTION_LIKE) || v.flagged(Flag.UNJUDGED));
  }

  private Ensemble ensemble(byte[] canarySecret) {
    requireNonNull(canarySecret, "canarySecret");
    return new Ensemble(
        rubric,
        judges,
        EnsemblePolicy.DEFAULT.withCanaryCeiling(threshold),
        Calibration.none(),
        InjectionDetector.bundled(),
        CanaryFactory.bundled(canarySecret),
        pool);
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }

  private static ThreadFactory daemon() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "judge-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
