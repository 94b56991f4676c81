package io.aurelius.core.chain.extrinsic;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.chain.Salt;
import io.aurelius.core.chain.Weights;

/** Reveals weights committed earlier; they must hash, with the salt, to a pending commit. */
public record RevealWeights(int netuid, Weights weights, Salt salt, long versionKey)
    implements Call {
  public RevealWeights {
    Call.checkNetuid(netuid);
    requireNonNull(weights, "weights");
    requireNonNull(salt, "salt");
    Call.checkVersionKey(versionKey);
  }

  @Override
  public String type() {
    return "reveal_weights";
  }

  @Override
  public SignedBy signedBy() {
    return SignedBy.HOTKEY;
  }
}
