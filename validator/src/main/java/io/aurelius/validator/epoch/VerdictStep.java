package io.aurelius.validator.epoch;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.identity.KeyId;
import io.aurelius.core.transport.PeerEndpoint;
import io.aurelius.validator.consensus.ConsensusBook;
import io.aurelius.validator.consensus.ConsensusRound;
import io.aurelius.validator.consensus.Proposal;
import io.aurelius.validator.store.ValidatorStore;
import java.util.List;
import java.util.Set;

/**
 * Step 8, first half: this validator's proposals go to every peer, which re-judge them on their own
 * executors while this validator polls for their verdicts ({@link ConsensusRound}); then every peer
 * reached gets the certificate. Records the peers reached.
 */
final class VerdictStep implements EpochStep<MetagraphSnapshot, Records.Reached> {
  private final ValidatorStore store;
  private final ConsensusBook book;
  private final ConsensusRound round;
  private final KeyId self;
  private final EpochListener listener;

  VerdictStep(
      ValidatorStore store,
      ConsensusBook book,
      ConsensusRound round,
      KeyId self,
      EpochListener listener) {
    this.store = requireNonNull(store, "store");
    this.book = requireNonNull(book, "book");
    this.round = requireNonNull(round, "round");
    this.self = requireNonNull(self, "self");
    this.listener = requireNonNull(listener, "listener");
  }

  @Override
  public String name() {
    return Steps.VERDICTS;
  }

  @Override
  public Records.Reached run(long epoch, MetagraphSnapshot graph) throws InterruptedException {
    if (!store.done(epoch, Steps.VERDICTS)) {
      List<Proposal> mine =
          book.proposals(epoch).values().stream()
              .filter(p -> p.verdict().proposer().equals(self))
              .toList();
      List<PeerEndpoint> peers = graph.peersOf(self);
      Set<KeyId> reached = round.exchange(epoch, mine, peers, graph.validatorSet());
      store.atomically(
          tx -> {
            reached.forEach(
                k -> tx.putItem(epoch, Steps.VERDICTS, k.address(), new byte[] {'{', '}'}));
            tx.markDone(epoch, Steps.VERDICTS);
            return null;
          });
      listener.step(
          epoch,
          Steps.VERDICTS,
          mine.size() + " aenes proposed to " + reached.size() + " of " + peers.size() + " peers");
    }
    return new Records.Reached(List.copyOf(store.items(epoch, Steps.VERDICTS).keySet()));
  }
}
