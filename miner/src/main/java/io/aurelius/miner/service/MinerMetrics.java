package io.aurelius.miner.service;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.metrics.Counter;
import io.aurelius.core.metrics.MetricsRegistry;
import java.util.function.IntSupplier;

/** The miner's metrics in the node's registry. */
final class MinerMetrics {
  /** How a query ended; the {@code outcome} label of {@code aurelius_miner_queries_total}. */
  enum Outcome {
    SERVED("served"),
    MALFORMED("malformed"),
    WRONG_SENDER("wrong_sender"),
    NOTHING_TO_SERVE("nothing_to_serve"),
    TOO_SMALL("too_small");

    final String label;

    Outcome(String label) {
      this.label = label;
    }
  }

  private final Counter queries;

  MinerMetrics(MetricsRegistry registry, IntSupplier servable, IntSupplier refused) {
    requireNonNull(registry, "registry");
    queries =
        registry.counter(
            "aurelius_miner_queries_total",
            "Validator queries answered by this miner, by outcome.",
            "outcome");
    registry.gauge(
        "aurelius_miner_library_servable",
        "Library configurations this miner serves.",
        servable::getAsInt);
    registry.gauge(
        "aurelius_miner_library_refused",
        "Library configurations refused by this miner's own limits.",
        refused::getAsInt);
  }

  void query(Outcome outcome) {
    queries.inc(outcome.label);
  }

  double queries(Outcome outcome) {
    return queries.get(outcome.label);
  }
}
