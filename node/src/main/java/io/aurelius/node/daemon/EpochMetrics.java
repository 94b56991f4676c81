package io.aurelius.node.daemon;

import io.aurelius.core.ops.NodeStatus;
import io.aurelius.validator.epoch.EpochListener;
import io.aurelius.validator.epoch.EpochReport;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * A validator's epochs on its dashboard: the epoch running, the last epoch and its weights action.
 * Their metrics are the validator service's own ({@code aurelius_validator_*}), exported once.
 */
public final class EpochMetrics implements EpochListener {
  private final AtomicReference<EpochReport> last = new AtomicReference<>();
  private volatile long running = -1;

  @Override
  public void started(long epoch, boolean resumed) {
    running = epoch;
  }

  @Override
  public void finished(EpochReport report) {
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
