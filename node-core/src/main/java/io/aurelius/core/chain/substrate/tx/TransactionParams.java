package io.aurelius.core.chain.substrate.tx;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.chain.substrate.scale.Bytes;

/**
 * What one transaction signs beside its call and the {@link SigningContext}: its era and the hash
 * of the era's birth block (the genesis hash when immortal), the sender's nonce and a tip in rao.
 */
public record TransactionParams(Era era, Bytes eraBlockHash, long nonce, long tip) {
  public TransactionParams {
    requireNonNull(era, "era");
    requireNonNull(eraBlockHash, "eraBlockHash");
    if (eraBlockHash.length() != 32) {
      throw new IllegalArgumentException(
          "era block hash: " + eraBlockHash.length() + " bytes (expected: 32)");
    }
    if (nonce < 0 || nonce > 0xffff_ffffL) {
      throw new IllegalArgumentException("nonce: " + nonce + " (expected: a u32)");
    }
    if (tip < 0) {
      throw new IllegalArgumentException("tip: " + tip + " (expected: >= 0)");
    }
  }
}
