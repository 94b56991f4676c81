package io.aurelius.validator.service;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.metrics.Counter;
import io.aurelius.core.metrics.Histogram;
import io.aurelius.core.metrics.MetricsRegistry;
import io.aurelius.judge.api.EpochJudgement;
import io.aurelius.validator.consensus.RejudgeQueue;
import io.aurelius.validator.consensus.ValidatorSet;
import io.aurelius.validator.epoch.EpochListener;
import io.aurelius.validator.epoch.EpochPipeline;
import io.aurelius.validator.epoch.EpochReport;
import io.aurelius.validator.trust.TrustPolicy;
import io.aurelius.validator.trust.TrustWeights;
import io.aurelius.worldmodel.orchestrator.RunResult;
import io.aurelius.worldmodel.transcript.ReplyRecord;
import io.aurelius.worldmodel.transcript.StepRecord;
import io.aurelius.worldmodel.transcript.TurnRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The validator's metrics in the node's registry, counted from each epoch's report once per epoch
 * in this process: {@code aurelius_validator_epochs_total}, {@code
 * aurelius_validator_submissions_total{outcome}}, {@code
 * aurelius_validator_aenes_total{kind="proposed|accepted"}}, and the gauges {@code
 * aurelius_validator_epoch} and {@code aurelius_validator_corpus_size}. From each configuration's
 * runs as they are simulated: {@code aurelius_model_calls_total{model,outcome}} (one per agent
 * reply; outcome decided, malformed or unavailable), {@code aurelius_model_latency_seconds{model}}
 * and {@code aurelius_model_tokens_total{model,direction="in|out"}}; from the epoch's scores as
 * they are judged: {@code aurelius_judge_calls_total{judge,outcome}} (one per judge per aene, by
 * the judge's outcome status). Queue depths, read at scrape time from the running epoch: {@code
 * aurelius_validator_pending_simulations} and {@code aurelius_validator_pending_aenes}. Each epoch
 * step's wall time: {@code aurelius_epoch_step_seconds{step}}; the weights of the last epoch, per
 * UID: {@code aurelius_validator_weight{uid}} (u16, as sent to the chain). Trust, read at scrape
 * time from the state store: {@code aurelius_validator_trust} (this validator's own, as it computed
 * it), {@code aurelius_validator_trust_quorum_factor} (f(trust − mean trust), what its stake counts
 * with in the quorum, against the last metagraph it read) and {@code
 * aurelius_validator_trust_lowest} (the lowest trust it holds of any validator).
 */
final class ValidatorMetrics implements EpochListener {
  private static final double[] STEP_BUCKETS = {
    0.01, 0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 900, 1800
  };
  private static final double[] LATENCY_BUCKETS = {
    0.005, 0.025, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60
  };
  private final Counter epochs;
  private final Counter submissions;
  private final Counter aenes;
  private final Counter modelCalls;
  private final Histogram modelLatency;
  private final Counter modelTokens;
  private final Counter judgeCalls;
  private final Histogram stepSeconds;
  private final Map<String, Long> stepStarted = new ConcurrentHashMap<>();
  private final AtomicReference<Map<List<String>, Double>> weights =
      new AtomicReference<>(Map.of());
  private final AtomicLong lastEpoch = new AtomicLong(-1);
  private final AtomicLong corpusSize = new AtomicLong();
  private final Set<Long> counted = ConcurrentHashMap.newKeySet();

  ValidatorMetrics(MetricsRegistry registry) {
    requireNonNull(registry, "registry");
    epochs =
        registry.counter("aurelius_validator_epochs_total", "Epochs this validator completed.");
    submissions =
        registry.counter(
            "aurelius_validator_submissions_total",
            "Miners' submissions by outcome (admitted, or the refusal code).",
            "outcome");
    aenes =
        registry.counter(
            "aurelius_validator_aenes_total",
            "Aenes proposed by this validator and accepted " + "into the corpus.",
            "kind");
    registry.gauge(
        "aurelius_validator_epoch", "The last epoch this validator completed.", lastEpoch::get);
    registry.gauge(
        "aurelius_validator_corpus_size",
        "Entries in this validator's corpus log.",
        corpusSize::get);
    modelCalls =
        registry.counter(
            "aurelius_model_calls_total",
            "Agent replies from the world model's models, by model and outcome.",
            "model",
            "outcome");
    modelLatency =
        registry.histogram(
            "aurelius_model_latency_seconds",
            "Agent reply latency, by model.",
            LATENCY_BUCKETS,
            "model");
    modelTokens =
        registry.counter(
            "aurelius_model_tokens_total",
            "Agent reply tokens, by model and direction (in: prompt, out: completion).",
            "model",
            "direction");
    judgeCalls =
        registry.counter(
            "aurelius_judge_calls_total",
            "Judgements of aenes by each judge, by outcome status.",
            "judge",
            "outcome");
    stepSeconds =
        registry.histogram(
            "aurelius_epoch_step_seconds",
            "Wall time of each epoch step (sync, query, admit, simulate, score, ...).",
            STEP_BUCKETS,
            "step");
    registry.gauges(
        "aurelius_validator_weight",
        "The weight (u16) this validator sent for each UID in its last epoch.",
        weights::get,
        "uid");
  }

  /** Queue depths of the running epoch, read at scrape time. */
  void queues(MetricsRegistry registry, EpochPipeline pipeline, RejudgeQueue rejudging) {
    requireNonNull(pipeline, "pipeline");
    requireNonNull(rejudging, "rejudging");
    registry.gauge(
        "aurelius_validator_rejudge_pending",
        "Peers' aenes waiting to be judged again, or being judged, by this validator.",
        rejudging::depth);
    registry.gauge(
        "aurelius_validator_pending_simulations",
        "Admitted configurations of the running epoch not yet simulated.",
        pipeline::pendingSimulations);
    registry.gauge(
        "aurelius_validator_pending_aenes",
        "Aenes this validator proposed in the running epoch, not yet through consensus.",
        pipeline::pendingAenes);
  }

  /** Trust gauges, read at scrape time. */
  void trust(
      MetricsRegistry registry,
      EpochPipeline pipeline,
      String self,
      Supplier<ValidatorSet> set,
      TrustPolicy policy) {
    registry.gauge(
        "aurelius_validator_trust",
        "This validator's Proof-of-Trust trust (sum of log-score gains over the market).",
        () -> pipeline.trust().of(self));
    registry.gauge(
        "aurelius_validator_trust_quorum_factor",
        "f(trust - mean trust): the factor this validator's stake counts with in the corpus quorum.",
        () -> TrustWeights.factors(set.get(), pipeline.trust(), policy).getOrDefault(self, 1.0));
    registry.gauge(
        "aurelius_validator_trust_lowest",
        "The lowest trust this validator holds of any validator (0 before any decision).",
        () -> pipeline.trust().trust().values().stream().mapToDouble(d -> d).min().orElse(0));
    registry.gauges(
        "aurelius_validator_peer_trust",
        "Every validator's Proof-of-Trust trust as this validator computed it, by hotkey address.",
        () -> byHotkey(pipeline.trust().trust()),
        "hotkey");
    registry.gauges(
        "aurelius_validator_peer_trust_quorum_factor",
        "f(trust - mean trust) of every validator of the set, by hotkey address.",
        () -> byHotkey(TrustWeights.factors(set.get(), pipeline.trust(), policy)),
        "hotkey");
  }

  private static Map<List<String>, Double> byHotkey(Map<String, Double> values) {
    Map<List<String>, Double> out = new LinkedHashMap<>();
    values.forEach((hotkey, v) -> out.put(List.of(hotkey), v));
    return out;
  }

  @Override
  public void stepStarting(long epoch, String step) {
    stepStarted.put(epoch + "/" + step, System.nanoTime());
  }

  @Override
  public void step(long epoch, String step, String summary) {
    Long started = stepStarted.remove(epoch + "/" + step);
    if (started != null) {
      stepSeconds.observe((System.nanoTime() - started) / 1e9, step);
    }
  }

  @Override
  public void simulated(long epoch, String configId, List<RunResult> runs) {
    for (RunResult run : runs) {
      for (StepRecord step : run.steps()) {
        for (TurnRecord turn : step.turns()) {
          ReplyRecord reply = turn.reply();
          modelCalls.inc(reply.model(), reply.outcome());
          modelLatency.observe(reply.latencyMillis() / 1000.0, reply.model());
          modelTokens.add(reply.tokens().input(), reply.model(), "in");
          modelTokens.add(reply.tokens().output(), reply.model(), "out");
        }
      }
    }
  }

  @Override
  public void judged(long epoch, EpochJudgement judgement) {
    judgement
        .judgeCalls()
        .forEach(
            (judge, counts) -> counts.forEach((status, n) -> judgeCalls.add(n, judge, status)));
  }

  @Override
  public void finished(EpochReport r) {
    stepStarted.keySet().removeIf(key -> key.startsWith(r.epoch() + "/"));
    if (!counted.add(r.epoch())) {
      return;
    }
    epochs.inc();
    r.submissions().forEach(s -> submissions.inc(s.outcome()));
    aenes.add(r.aenesProposed(), "proposed");
    aenes.add(r.aenesAccepted(), "accepted");
    lastEpoch.accumulateAndGet(r.epoch(), Math::max);
    r.checkpoint().ifPresent(c -> corpusSize.set(c.size()));
    Map<List<String>, Double> byUid = new LinkedHashMap<>();
    for (int i = 0; i < r.weights().uids().size(); i++) {
      byUid.put(
          List.of(Integer.toString(r.weights().uids().get(i))),
          (double) r.weights().values().get(i));
    }
    weights.set(byUid);
  }
}
