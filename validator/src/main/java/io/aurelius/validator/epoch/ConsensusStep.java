package io.aurelius.validator.epoch;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.identity.KeyId;
import io.aurelius.validator.consensus.ConsensusBook;
import io.aurelius.validator.consensus.ConsensusRound;
import io.aurelius.validator.consensus.Decision;
import io.aurelius.validator.consensus.PeerReputation;
import io.aurelius.validator.consensus.Quorum;
import io.aurelius.validator.consensus.SignedVerdict;
import io.aurelius.validator.consensus.ValidatorSet;
import io.aurelius.validator.store.ValidatorStore;
import io.aurelius.validator.trust.TrustBook;
import io.aurelius.validator.trust.TrustPolicy;
import io.aurelius.validator.trust.TrustUpdate;
import io.aurelius.validator.trust.TrustWeights;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 8, second half: waits (up to its deadline) for the certificates of the peers reached,
 * decides every proposal by the quorum of vote weight (stake × f(trust), with the trust held before
 * this epoch), moves the peers' reputations by how often they agreed with the decision and every
 * validator's trust by the log score of its forecasts, in one transaction with the step's mark.
 */
final class ConsensusStep implements EpochStep<ConsensusStep.Input, Records.Agreed> {
  private static final Logger LOG = LoggerFactory.getLogger(ConsensusStep.class);
  static final String PEER_REPUTATION = "peer-reputation";
  static final String TRUST = "validator-trust";

  record Input(MetagraphSnapshot graph, Records.Reached reached) {}

  private final ValidatorStore store;
  private final ConsensusBook book;
  private final ConsensusRound round;
  private final KeyId self;
  private final Quorum quorum;
  private final TrustPolicy trust;
  private final Duration wait;
  private final EpochListener listener;

  ConsensusStep(
      ValidatorStore store,
      ConsensusBook book,
      ConsensusRound round,
      KeyId self,
      Quorum quorum,
      TrustPolicy trust,
      Duration wait,
      EpochListener listener) {
    this.store = requireNonNull(store, "store");
    this.book = requireNonNull(book, "book");
    this.round = requireNonNull(round, "round");
    this.self = requireNonNull(self, "self");
    this.quorum = requireNonNull(quorum, "quorum");
    this.trust = requireNonNull(trust, "trust");
    this.wait = requireNonNull(wait, "wait");
    this.listener = requireNonNull(listener, "listener");
  }

  @Override
  public String name() {
    return Steps.CONSENSUS;
  }

  @Override
  public Records.Agreed run(long epoch, Input in) throws InterruptedException {
    var stored = store.item(epoch, Steps.CONSENSUS, "result");
    if (stored.isPresent()) {
      return StoredJson.read(stored.get(), Records.Agreed.class);
    }
    Set<KeyId> reached = new HashSet<>();
    in.reached().peers().forEach(p -> reached.add(KeyId.parse(p)));
    Set<KeyId> done = round.await(epoch, reached, wait);
    if (done.size() < reached.size()) {
      LOG.warn(
          "epoch {}: {} of {} peers sent no certificate in time",
          epoch,
          reached.size() - done.size(),
          reached.size());
    }
    ValidatorSet set = in.graph().validatorSet();
    TrustBook trustBefore = trustBook(store);
    Map<String, List<SignedVerdict>> verdicts = book.verdicts(epoch);
    Decision.Result result =
        Decision.decide(
            book.proposals(epoch), verdicts, set, quorum, TrustWeights.of(set, trustBefore, trust));
    Records.Agreed agreed =
        new Records.Agreed(
            result.considered(),
            result.accepted().stream().map(a -> a.proposal().aeneId()).toList());
    Map<String, Double> peersOnly = new HashMap<>(result.agreements());
    peersOnly.remove(self.address());
    List<String> acceptedIds = agreed.accepted();
    Map<String, List<SignedVerdict>> decided = new TreeMap<>(verdicts);
    decided.keySet().retainAll(book.proposals(epoch).keySet());
    TrustUpdate.Result moved = TrustUpdate.apply(trustBefore, decided, acceptedIds, set, trust);
    Records.Trust record = trustRecord(set, trustBefore, moved);
    store.atomically(
        tx -> {
          tx.putState(TRUST, moved.after().toBytes());
          tx.putItem(epoch, Steps.CONSENSUS, "trust", StoredJson.bytes(record));
          PeerReputation before =
              tx.state(PEER_REPUTATION)
                  .map(PeerReputation::fromBytes)
                  .orElse(PeerReputation.empty());
          tx.putState(PEER_REPUTATION, before.update(peersOnly).toBytes());
          tx.putItem(epoch, Steps.CONSENSUS, "result", StoredJson.bytes(agreed));
          tx.markDone(epoch, Steps.CONSENSUS);
          return null;
        });
    listener.step(
        epoch,
        Steps.CONSENSUS,
        agreed.accepted().size()
            + " of "
            + agreed.considered()
            + " aenes reached the quorum "
            + quorum
            + "; trust "
            + record.summary());
    return agreed;
  }

  private Records.Trust trustRecord(ValidatorSet set, TrustBook before, TrustUpdate.Result moved) {
    Map<String, Double> factorBefore = TrustWeights.factors(set, before, trust);
    Map<String, Double> factorAfter = TrustWeights.factors(set, moved.after(), trust);
    List<EpochReport.TrustStanding> rows = new ArrayList<>();
    for (KeyId k : set.stakes().keySet()) {
      String a = k.address();
      rows.add(
          new EpochReport.TrustStanding(
              a,
              set.stake(k).orElse(0),
              before.of(a),
              moved.changes().getOrDefault(a, 0.0),
              moved.after().of(a),
              factorBefore.get(a),
              factorAfter.get(a)));
    }
    return new Records.Trust(rows);
  }

  /** Every validator's trust as this validator holds it now (empty before the first decision). */
  static TrustBook trustBook(ValidatorStore store) {
    return store.state(TRUST).map(TrustBook::fromBytes).orElse(TrustBook.empty());
  }

  /** Peers' reputations as this validator holds them now. */
  static PeerReputation peerReputation(ValidatorStore store) {
    return store
        .state(PEER_REPUTATION)
        .map(PeerReputation::fromBytes)
        .orElse(PeerReputation.empty());
  }
}
