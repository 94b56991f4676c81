package io.aurelius.validator.epoch;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.chain.Chain;
import io.aurelius.validator.store.ValidatorStore;

/**
 * Step 1: the metagraph as the chain has it now, recorded so every later step of the epoch reads
 * the same.
 */
final class SyncStep implements EpochStep<EpochStep.None, MetagraphSnapshot> {
  private final ValidatorStore store;
  private final Chain chain;
  private final EpochListener listener;

  SyncStep(ValidatorStore store, Chain chain, EpochListener listener) {
    this.store = requireNonNull(store, "store");
    this.chain = requireNonNull(chain, "chain");
    this.listener = requireNonNull(listener, "listener");
  }

  @Override
  public String name() {
    return Steps.SYNC;
  }

  @Override
  public MetagraphSnapshot run(long epoch, None input) {
    var stored = store.item(epoch, Steps.SYNC, "metagraph");
    if (stored.isPresent()) {
      return StoredJson.read(stored.get(), MetagraphSnapshot.class);
    }
    MetagraphSnapshot snapshot = MetagraphSnapshot.of(epoch, chain.metagraph());
    store.atomically(
        tx -> {
          tx.putItem(epoch, Steps.SYNC, "metagraph", StoredJson.bytes(snapshot));
          tx.markDone(epoch, Steps.SYNC);
          return null;
        });
    listener.step(
        epoch,
        Steps.SYNC,
        snapshot.members().size()
            + " registered, "
            + snapshot.miners().size()
            + " miners, "
            + snapshot.validators().size()
            + " validators");
    return snapshot;
  }
}
