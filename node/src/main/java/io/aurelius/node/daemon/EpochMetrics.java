package io.aurelius.node.daemon;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.metrics.Counter;
import io.aurelius.core.metrics.MetricsRegistry;
import io.aurelius.core.ops.NodeStatus;
import io.aurelius.validator.epoch.EpochListener;
import io.aurelius.validator.epoch.EpochReport;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * A validator's epochs in its metrics and on its dashboard: epochs run, submissions by outcome,
 * aenes proposed and accepted, the last epoch and its weights action.
 */
public final class EpochMetrics implements EpochListener {
  private final Counter epochs;
  private final Counter submissions;
  private final Counter aenes;
  private final AtomicReference<EpochReport> last = new AtomicReference<>();
  private volatile long running = -1;

  public EpochMetrics(MetricsRegistry registry) {
    requireNonNull(registry, "registry");
    epochs = registry.counter("aurelius_epochs_total", "Validator epochs completed.");
    submissions =
        registry.counter(
            "aurelius_submissions_total",
            "Miner submissions by outcome (admitted, or the refusal code).",
            "outcome");
    aenes =
        registry.counter(
            "aurelius_aenes_total",
            "Aenes this validator proposed, and aenes that entered the corpus.",
            "stage");
    registry.gauge(
        "aurelius_epoch_current",
        "The epoch running now, or the last one (-1 before the first).",
        () -> running);
  }

  @Override
  public void started(long epoch, boolean resumed) {
    running = epoch;
  }

  @Override
  public void finished(EpochReport report) {
    epochs.inc();
    for (EpochReport.Submitted s : report.submissions()) {
      submissions.inc(s.outcome());
    }
    aenes.add(report.aenesProposed(), "proposed");
    aenes.add(report.aenesAccepted(), "accepted");
    last.set(report);
  }

  /** Adds the last epoch to a status. */
  public UnaryOperator<NodeStatus> facts(List<String> models) {
    List<String> copy = List.copyOf(models);
    return status -> {
      NodeStatus s = status.with("models", copy);
      EpochReport r = last.get();
      if (r == null) {
        return running < 0 ? s.with("last_epoch", "none yet") : s.with("epoch_running", running);
      }
      s =
          s.with("last_epoch", r.epoch())
              .with("weights", r.weights().action() + " (" + r.weights().status() + ")")
              .with("aenes_accepted_last_epoch", r.aenesAccepted());
      if (r.checkpoint().isPresent()) {
        s =
            s.with("corpus_size", r.checkpoint().get().size())
                .with("corpus_root", r.checkpoint().get().root());
      }
      return s;
    };
  }
}
