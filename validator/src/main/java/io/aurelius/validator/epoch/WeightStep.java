package io.aurelius.validator.epoch;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.chain.Chain;
import io.aurelius.core.chain.ChainInfo;
import io.aurelius.core.chain.Receipt;
import io.aurelius.core.chain.RejectReason;
import io.aurelius.core.chain.Salt;
import io.aurelius.core.chain.WeightSetting;
import io.aurelius.core.chain.Weights;
import io.aurelius.core.crypto.Signer;
import io.aurelius.core.identity.KeyId;
import io.aurelius.judge.api.Rewards;
import io.aurelius.validator.store.ValidatorStore;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongFunction;

/**
 * Step 10: weights from the moving averages (one per UID, miners only), processed as the Bittensor
 * SDK does and max-upscaled to u16 ({@code Rewards.chainWeights}), then sent to the chain:
 * directly, or by commit and reveal. A commit's weights and salt are stored before the commit is
 * sent, and revealed in a later epoch; a commit retried after a crash is refused by the chain's
 * rate limit and the stored salt still reveals the one that was accepted. Weights the chain refuses
 * are recorded as {@code refused} with its reason, and those of an epoch finished after a later one
 * sent its own as {@code superseded}: the epoch's record says plainly that they were not set.
 */
final class WeightStep implements EpochStep<WeightStep.Input, Records.WeightsSent> {
  static final String PENDING = "pending-commit";

  /**
   * Actions besides {@code set}, {@code committed} and {@code none}: weights the chain did not
   * take.
   */
  static final String REFUSED = "refused";

  static final String SUPERSEDED = "superseded";

  record Input(MetagraphSnapshot graph, Records.Scored scored) {}

  private final ValidatorStore store;
  private final Chain chain;
  private final Signer key;
  private final EpochListener listener;

  private final LongFunction<Map<KeyId, Double>> moduleShare;

  WeightStep(ValidatorStore store, Chain chain, Signer key, EpochListener listener) {
    this(store, chain, key, listener, epoch -> Map.of());
  }

  /**
   * @param moduleShare the weights of the authors of adopted modules in an epoch (by hotkey,
   *     summing to at most 1): taken off the miners' scores and paid to the authors
   */
  WeightStep(
      ValidatorStore store,
      Chain chain,
      Signer key,
      EpochListener listener,
      LongFunction<Map<KeyId, Double>> moduleShare) {
    this.moduleShare = requireNonNull(moduleShare, "moduleShare");
    this.store = requireNonNull(store, "store");
    this.chain = requireNonNull(chain, "chain");
    this.key = requireNonNull(key, "key");
    this.listener = requireNonNull(listener, "listener");
  }

  @Override
  public String name() {
    return Steps.WEIGHTS;
  }

  @Override
  public Records.WeightsSent run(long epoch, Input in) {
    var stored = store.item(epoch, Steps.WEIGHTS, "result");
    if (stored.isPresent()) {
      return StoredJson.read(stored.get(), Records.WeightsSent.class);
    }
    Weights w = weights(in.graph(), in.scored(), moduleShare.apply(epoch));
    Records.WeightsSent sent = superseded(epoch, w).orElseGet(() -> send(epoch, w));
    store.atomically(
        tx -> {
          tx.putItem(epoch, Steps.WEIGHTS, "result", StoredJson.bytes(sent));
          tx.markDone(epoch, Steps.WEIGHTS);
          return null;
        });
    listener.step(
        epoch,
        Steps.WEIGHTS,
        sent.action()
            + (sent.revealed() ? " (earlier commit revealed)" : "")
            + ": "
            + sent.status());
    return sent;
  }

  /**
   * An epoch finished late, after a later one has sent its weights (it failed and was retried):
   * sending its older weights now would replace newer ones, so the chain no longer takes them from
   * this validator. Recorded as {@code superseded}, and not sent.
   */
  private Optional<Records.WeightsSent> superseded(long epoch, Weights w) {
    OptionalLong later = store.lastEpochWith(Steps.WEIGHTS);
    if (later.isEmpty() || later.getAsLong() <= epoch) {
      return Optional.empty();
    }
    return Optional.of(
        new Records.WeightsSent(
            w.uids(),
            w.values(),
            SUPERSEDED,
            false,
            "not sent: epoch " + later.getAsLong() + "'s weights are on the chain already"));
  }

  static Weights weights(MetagraphSnapshot graph, Records.Scored scored) {
    return weights(graph, scored, Map.of());
  }

  /**
   * The miners' scores, normalised, with the module authors' share taken off them and paid to the
   * authors' UIDs (an author not in the metagraph is not paid, and its part is not taken).
   */
  static Weights weights(
      MetagraphSnapshot graph, Records.Scored scored, Map<KeyId, Double> moduleShare) {
    int n = graph.members().size();
    double[] byUid = new double[n];
    for (Records.ScoreRow row : scored.rows()) {
      if (row.uid() >= 0 && row.uid() < n) {
        byUid[row.uid()] = row.score();
      }
    }
    Map<Integer, Double> authors = new java.util.TreeMap<>();
    moduleShare.forEach(
        (author, part) ->
            graph
                .byHotkey(author)
                .filter(m -> m.uid() >= 0 && m.uid() < n)
                .ifPresent(m -> authors.merge(m.uid(), part, Double::sum)));
    if (!authors.isEmpty()) {
      double total = java.util.Arrays.stream(byUid).sum();
      double taken = authors.values().stream().mapToDouble(Double::doubleValue).sum();
      for (int i = 0; i < n; i++) {
        byUid[i] = total > 0 ? byUid[i] / total * (1 - taken) : 0;
      }
      authors.forEach((uid, part) -> byUid[uid] += part);
    }
    return Rewards.chainWeights(byUid);
  }

  private Records.WeightsSent send(long epoch, Weights w) {
    Weights weights = w;
    ChainInfo info = chain.info();
    if (info.weightSetting() instanceof WeightSetting.Direct) {
      if (w.uids().isEmpty()) {
        return new Records.WeightsSent(w.uids(), w.values(), "none", false, "nothing to set");
      }
      Receipt r = chain.setWeights(key, weights, 0);
      return new Records.WeightsSent(
          w.uids(), w.values(), r.accepted() ? "set" : REFUSED, false, status(r));
    }
    boolean revealed = false;
    Optional<Records.PendingCommit> pending =
        store.state(PENDING).map(b -> StoredJson.read(b, Records.PendingCommit.class));
    if (pending.isPresent() && pending.get().epoch() < epoch) {
      Records.PendingCommit p = pending.get();
      Receipt r =
          chain.revealWeights(
              key, new Weights(p.uids(), p.values()), new Salt(p.salt()), p.versionKey());
      revealed = r.accepted();
      boolean tooEarly =
          r instanceof Receipt.Rejected rej && rej.reason() == RejectReason.REVEAL_TOO_EARLY;
      if (!tooEarly) {
        store.atomically(
            tx -> {
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
      return new Records.WeightsSent(
          w.uids(), w.values(), "committed", revealed, "already committed this epoch");
    }
    if (pending.isPresent()) {
      return new Records.WeightsSent(
          w.uids(), w.values(), "none", revealed, "an earlier commit waits for its reveal epoch");
    }
    Salt salt = Salt.random();
    Records.PendingCommit commit =
        new Records.PendingCommit(epoch, w.uids(), w.values(), salt.values(), 0);
    store.putState(PENDING, StoredJson.bytes(commit));
    Receipt r = chain.commitWeights(key, weights, salt, 0);
    return new Records.WeightsSent(
        w.uids(), w.values(), r.accepted() ? "committed" : REFUSED, revealed, status(r));
  }

  private static String status(Receipt r) {
    return r.accepted() ? "accepted" : r.toString();
  }
}
