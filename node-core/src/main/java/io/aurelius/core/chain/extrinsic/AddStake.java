package io.aurelius.core.chain.extrinsic;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.identity.KeyId;

/** Moves free balance of the signing coldkey onto a hotkey it owns. */
public record AddStake(KeyId hotkey, long amount) implements Call {
  public AddStake {
    requireNonNull(hotkey, "hotkey");
    Call.checkAmount(amount);
  }

  @Override
  public String type() {
    return "add_stake";
  }

  @Override
  public SignedBy signedBy() {
    return SignedBy.COLDKEY;
  }
}
