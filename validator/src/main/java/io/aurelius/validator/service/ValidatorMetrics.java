package io.aurelius.validator.service;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.metrics.Counter;
import io.aurelius.core.metrics.MetricsRegistry;
import io.aurelius.validator.epoch.EpochListener;
import io.aurelius.validator.epoch.EpochReport;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The validator's metrics in the node's registry, counted from each epoch's report once per
 * epoch in this process: {@code aurelius_validator_epochs_total},
 * {@code aurelius_validator_submissions_total{outcome}}, {@code aurelius_validator_aenes_total{kind="proposed|accepted"}},
 * and the gauges {@code aurelius_validator_epoch} and {@code aurelius_validator_corpus_size}.
 */
final class ValidatorMetrics implements EpochListener {
  private final Counter epochs;
  private final Counter submissions;
  private final Counter aenes;
  private final AtomicLong lastEpoch = new AtomicLong(-1);
  private final AtomicLong corpusSize = new AtomicLong();
  private final Set<Long> counted = ConcurrentHashMap.newKeySet();

  ValidatorMetrics(MetricsRegistry registry) {
    requireNonNull(registry, "registry");
    epochs = registry.counter("aurelius_validator_epochs_total", "Epochs this validator completed.");
    submissions = registry.counter("aurelius_validator_submissions_total",
        "Miners' submissions by outcome (admitted, or the refusal code).", "outcome");
    aenes = registry.counter("aurelius_validator_aenes_total", "Aenes proposed by this validator and accepted "
        + "into the corpus.", "kind");
    registry.gauge("aurelius_validator_epoch", "The last epoch this validator completed.", lastEpoch::get);
    registry.gauge("aurelius_validator_corpus_size", "Entries in this validator's corpus log.", corpusSize::get);
  }

  @Override
  public void finished(EpochReport r) {
    if (!counted.add(r.epoch())) {
      return;
    }
    epochs.inc();
    r.submissions().forEach(s -> submissions.inc(s.outcome()));
    aenes.add(r.aenesProposed(), "proposed");
    aenes.add(r.aenesAccepted(), "accepted");
    lastEpoch.accumulateAndGet(r.epoch(), Math::max);
    r.checkpoint().ifPresent(c -> corpusSize.set(c.size()));
  }
}
