package io.aurelius.core.chain.extrinsic;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.chain.Weights;

/** Sets the signing hotkey's weights directly (Subtensor's {@code set_weights}). */
public record SetWeights(int netuid, Weights weights, long versionKey) implements Call {
  public SetWeights {
    Call.checkNetuid(netuid);
    requireNonNull(weights, "weights");
    Call.checkVersionKey(versionKey);
  }

  @Override
  public String type() {
    return "set_weights";
  }

  @Override
  public SignedBy signedBy() {
    return SignedBy.HOTKEY;
  }
}
