package io.aurelius.anchoring.ots;

import java.io.IOException;
import java.util.Optional;

/** Where Bitcoin block headers come from when a proof is checked (e.g. a local bitcoind). */
public interface BlockHeaderSource {
  /**
   * The header of the best-chain block at {@code height}, or empty if the chain is not that long
   * yet.
   *
   * @throws IOException if the source cannot be reached or answers nonsense
   */
  Optional<BlockHeader> headerAt(long height) throws IOException;

  /** A short description for reports, e.g. the RPC URL without credentials. */
  String describe();
}
