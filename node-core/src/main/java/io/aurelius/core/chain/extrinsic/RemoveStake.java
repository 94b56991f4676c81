package io.aurelius.core.chain.extrinsic;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.identity.KeyId;

/** Moves stake from a hotkey back to the free balance of its (signing) coldkey. */
public record RemoveStake(KeyId hotkey, long amount) implements Call {
  public RemoveStake {
    requireNonNull(hotkey, "hotkey");
    Call.checkAmount(amount);
  }

  @Override
  public String type() {
    return "remove_stake";
  }

  @Override
  public SignedBy signedBy() {
    return SignedBy.COLDKEY;
  }
}
