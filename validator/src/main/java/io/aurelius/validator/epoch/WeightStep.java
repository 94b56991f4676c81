package io.aurelius.validator.epoch;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.chain.ChainInfo;
import io.aurelius.core.chain.Receipt;
import io.aurelius.core.chain.RejectReason;
import io.aurelius.core.chain.Salt;
import io.aurelius.core.chain.WeightSetting;
import io.aurelius.core.chain.Weights;
import io.aurelius.judge.ranking.ChainWeights;
import io.aurelius.judge.ranking.WeightProcessing;
import io.aurelius.validator.store.ValidatorStore;
import java.util.List;
import java.util.Optional;

/**
 * Step 10: weights from the moving averages (one per UID, miners only), processed as the
 * Bittensor SDK does and max-upscaled to u16 ({@code WeightProcessing}), then sent to the
 * chain: directly, or by commit and reveal. A commit's weights and salt are stored before the
 * commit is sent, and revealed in a later epoch; a commit retried after a crash is refused by
 * the chain's rate limit and the stored salt still reveals the one that was accepted.
 */
final class WeightStep {
  static final String PENDING = "pending-commit";

  private final EpochContext ctx;

  WeightStep(EpochContext ctx) {
    this.ctx = requireNonNull(ctx, "ctx");
  }

  Records.WeightsSent run(long epoch, MetagraphSnapshot graph, Records.Scored scored) {
    ValidatorStore store = ctx.store();
    var stored = store.item(epoch, Steps.WEIGHTS, "result");
    if (stored.isPresent()) {
      return StoredJson.read(stored.get(), Records.WeightsSent.class);
    }
    Records.WeightsSent sent = send(epoch, weights(graph, scored));
    store.atomically(tx -> {
      tx.putItem(epoch, Steps.WEIGHTS, "result", StoredJson.bytes(sent));
      tx.markDone(epoch, Steps.WEIGHTS);
      return null;
    });
    return sent;
  }

  static ChainWeights weights(MetagraphSnapshot graph, Records.Scored scored) {
    int n = graph.members().size();
    if (n == 0) {
      return new ChainWeights(List.of(), List.of());
    }
    double[] byUid = new double[n];
    for (Records.ScoreRow row : scored.rows()) {
      if (row.uid() >= 0 && row.uid() < n) {
        byUid[row.uid()] = row.score();
      }
    }
    WeightProcessing.Processed p = WeightProcessing.process(byUid, n, 1.0, 0);
    return WeightProcessing.emit(p.uids(), p.weights());
  }

  private Records.WeightsSent send(long epoch, ChainWeights w) {
    ValidatorStore store = ctx.store();
    Weights weights = new Weights(w.uids(), w.values());
    ChainInfo info = ctx.chain().info();
    if (info.weightSetting() instanceof WeightSetting.Direct) {
      if (w.uids().isEmpty()) {
        return new Records.WeightsSent(w.uids(), w.values(), "none", false, "nothing to set");
      }
      return new Records.WeightsSent(w.uids(), w.values(), "set", false,
          status(ctx.chain().setWeights(ctx.key(), weights, 0)));
    }
    boolean revealed = false;
    Optional<Records.PendingCommit> pending = store.state(PENDING).map(b -> StoredJson.read(b, Records.PendingCommit.class));
    if (pending.isPresent() && pending.get().epoch() < epoch) {
      Records.PendingCommit p = pending.get();
      Receipt r = ctx.chain().revealWeights(ctx.key(), new Weights(p.uids(), p.values()), new Salt(p.salt()),
          p.versionKey());
      revealed = r.accepted();
      boolean tooEarly = r instanceof Receipt.Rejected rej && rej.reason() == RejectReason.REVEAL_TOO_EARLY;
      if (!tooEarly) {
        store.atomically(tx -> {
          tx.putState(PENDING, new byte[] {'n', 'u', 'l', 'l'});
          return null;
        });
        pending = Optional.empty();
      }
    }
    if (w.uids().isEmpty()) {
      return new Records.WeightsSent(w.uids(), w.values(), "none", revealed, "nothing to commit");
    }
    if (pending.isPresent() && pending.get().epoch() >= epoch) {
      return new Records.WeightsSent(w.uids(), w.values(), "committed", revealed, "already committed this epoch");
    }
    if (pending.isPresent()) {
      return new Records.WeightsSent(w.uids(), w.values(), "none", revealed,
          "an earlier commit waits for its reveal epoch");
    }
    Salt salt = Salt.random();
    Records.PendingCommit commit = new Records.PendingCommit(epoch, w.uids(), w.values(), salt.values(), 0);
    store.putState(PENDING, StoredJson.bytes(commit));
    return new Records.WeightsSent(w.uids(), w.values(), "committed", revealed,
        status(ctx.chain().commitWeights(ctx.key(), weights, salt, 0)));
  }

  private static String status(Receipt r) {
    return r.accepted() ? "accepted" : r.toString();
  }
}
