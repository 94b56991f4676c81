package io.aurelius.core.chain.substrate.tx;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.chain.substrate.scale.Bytes;

/**
 * What every transaction of one runtime signs beside its call: the chain's genesis hash and the
 * runtime's spec and transaction versions ({@code state_getRuntimeVersion}).
 */
public record SigningContext(Bytes genesisHash, long specVersion, long transactionVersion) {
  public SigningContext {
    requireNonNull(genesisHash, "genesisHash");
    if (genesisHash.length() != 32) {
      throw new IllegalArgumentException(
          "genesis hash: " + genesisHash.length() + " bytes (expected: 32)");
    }
    if (specVersion < 0 || specVersion > 0xffff_ffffL) {
      throw new IllegalArgumentException("spec version: " + specVersion + " (expected: a u32)");
    }
    if (transactionVersion < 0 || transactionVersion > 0xffff_ffffL) {
      throw new IllegalArgumentException(
          "transaction version: " + transactionVersion + " (expected: a u32)");
    }
  }
}
