package io.aurelius.core.chain.substrate.runtime;

import static java.util.Objects.requireNonNull;

/** What {@code state_getRuntimeVersion} says about the runtime of a block. */
public record RuntimeVersion(String specName, int specVersion, int transactionVersion) {
  public RuntimeVersion {
    requireNonNull(specName, "specName");
  }

  @Override
  public String toString() {
    return specName + " spec " + specVersion + " (transaction version " + transactionVersion + ")";
  }
}
