package io.aurelius.validator.epoch;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.identity.KeyId;
import io.aurelius.validator.consensus.ConsensusBook;
import io.aurelius.validator.consensus.ConsensusRound;
import io.aurelius.validator.consensus.Decision;
import io.aurelius.validator.consensus.PeerReputation;
import io.aurelius.validator.consensus.Quorum;
import io.aurelius.validator.store.ValidatorStore;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 8, second half: waits (up to its deadline) for the certificates of the peers reached,
 * decides every proposal by stake quorum, and moves the peers' reputations by how often they agreed
 * with the decision, in one transaction with the step's mark.
 */
final class ConsensusStep implements EpochStep<ConsensusStep.Input, Records.Agreed> {
  private static final Logger LOG = LoggerFactory.getLogger(ConsensusStep.class);
  static final String PEER_REPUTATION = "peer-reputation";

  record Input(MetagraphSnapshot graph, Records.Reached reached) {}

  private final ValidatorStore store;
  private final ConsensusBook book;
  private final ConsensusRound round;
  private final KeyId self;
  private final Quorum quorum;
  private final Duration wait;
  private final EpochListener listener;

  ConsensusStep(
      ValidatorStore store,
      ConsensusBook book,
      ConsensusRound round,
      KeyId self,
      Quorum quorum,
      Duration wait,
      EpochListener listener) {
    this.store = requireNonNull(store, "store");
    this.book = requireNonNull(book, "book");
    this.round = requireNonNull(round, "round");
    this.self = requireNonNull(self, "self");
    this.quorum = requireNonNull(quorum, "quorum");
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
    Decision.Result result =
        Decision.decide(
            book.proposals(epoch), book.verdicts(epoch), in.graph().validatorSet(), quorum);
    Records.Agreed agreed =
        new Records.Agreed(
            result.considered(),
            result.accepted().stream().map(a -> a.proposal().aeneId()).toList());
    Map<String, Double> peersOnly = new HashMap<>(result.agreements());
    peersOnly.remove(self.address());
    store.atomically(
        tx -> {
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
            + quorum);
    return agreed;
  }

  /** Peers' reputations as this validator holds them now. */
  static PeerReputation peerReputation(ValidatorStore store) {
    return store
        .state(PEER_REPUTATION)
        .map(PeerReputation::fromBytes)
        .orElse(PeerReputation.empty());
  }
}
