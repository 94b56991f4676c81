package io.aurelius.validator.epoch;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.crypto.Ed25519KeyPair;
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
import io.aurelius.judge.panel.JudgePanel;
import io.aurelius.judge.panel.JudgeSpec;
import io.aurelius.judge.port.Judge;
import io.aurelius.judge.ranking.RankingPolicy;
import io.aurelius.judge.rubric.Rubric;
import io.aurelius.judge.rubric.Rubrics;
import io.aurelius.judge.scoring.AeneInputs;
import io.aurelius.judge.scoring.EpochScorer;
import io.aurelius.judge.signals.EvaluationAwareness;
import io.aurelius.validator.consensus.Rejudge;
import io.aurelius.worldmodel.agent.endpoint.EndpointPolicy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * The validator's judges (the judge module's panel, built once from the judge specs) and what
 * it builds from them: the epoch's scorer, and the re-judging of peers' aenes. Canaries are
 * chosen with a secret derived from the hotkey and the epoch: replays of an epoch agree, and
 * miners cannot predict them.
 */
public final class Judging {
  private final Rubric rubric = Rubrics.dlvV1();
  private final List<Judge> judges;
  private final double threshold;
  private final Ed25519KeyPair key;
  private final ExecutorService pool;

  public Judging(List<String> specs, double threshold, Ed25519KeyPair key, ExecutorService pool) {
    requireNonNull(specs, "specs");
    this.judges = JudgePanel.build(specs.stream().map(JudgeSpec::parse).toList(), List.of(), rubric,
        EndpointPolicy.DEFAULT, Optional.empty());
    this.threshold = threshold;
    this.key = requireNonNull(key, "key");
    this.pool = requireNonNull(pool, "pool");
  }

  public double threshold() {
    return threshold;
  }

  Ensemble ensemble(String label) {
    byte[] secret = key.sign(("aurelius/validator/canaries/v1:" + label).getBytes(StandardCharsets.UTF_8));
    return new Ensemble(rubric, judges, EnsemblePolicy.DEFAULT.withCanaryCeiling(threshold), Calibration.none(),
        InjectionDetector.bundled(), CanaryFactory.bundled(secret), pool);
  }

  EpochScorer scorer(long epoch) {
    return new EpochScorer(ensemble("epoch-" + epoch), MiniLmEmbedder.shared(), EvaluationAwareness.bundled(),
        new RankingPolicy(threshold, RankingPolicy.DEFAULT.emaAlpha()));
  }

  /** Whether this validator puts an aene forward for the corpus. */
  boolean approves(AeneVerdict v) {
    return v.dlv() >= threshold && !v.flagged(Flag.INSTRUCTION_LIKE) && !v.flagged(Flag.UNJUDGED);
  }

  /** Re-judging for the verdicts route, with the judges' current reputations. */
  public Rejudge rejudge(Supplier<ReputationBook> reputation) {
    return aenes -> {
      BatchVerdict verdict = ensemble("rejudge-" + aenes.get(0).id().hex())
          .judge(aenes.stream().map(AeneInputs::of).toList(), reputation.get());
      Map<String, Rejudge.Judgement> out = new HashMap<>();
      for (AeneVerdict v : verdict.aenes()) {
        out.put(v.aeneId(), new Rejudge.Judgement(v.dlv(), approves(v)));
      }
      return out;
    };
  }
}
