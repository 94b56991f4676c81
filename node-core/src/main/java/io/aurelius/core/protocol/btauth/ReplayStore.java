package io.aurelius.core.protocol.btauth;

/**
 * Remembers accepted (hotkey, nonce) pairs. {@link BtAuthVerifier} consults it only after the
 * signature verifies, so unauthenticated traffic cannot fill it or burn a sender's nonce.
 * Implementations must be thread-safe; a multi-process server backs it with shared storage.
 */
public interface ReplayStore {
  /** The answer of {@link #record}. */
  enum Outcome {
    /** Never seen: now recorded. */
    RECORDED,
    /** Seen before (or below what the store can still tell apart): a replay. */
    REPLAYED,
    /** The store is full of entries still inside the window; nothing recorded. */
    FULL
  }

  /**
   * Records the pair if it is new, atomically.
   *
   * @param nowNanos the verifier's wall clock, so entries that freshness already refuses can go
   */
  Outcome record(String hotkey, long nonce, long nowNanos);
}
