package io.aurelius.core.chain.extrinsic;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.identity.KeyId;

/** Moves free balance from the signing coldkey to another account. */
public record Transfer(KeyId to, long amount) implements Call {
  public Transfer {
    requireNonNull(to, "to");
    Call.checkAmount(amount);
  }

  @Override
  public String type() {
    return "transfer";
  }

  @Override
  public SignedBy signedBy() {
    return SignedBy.COLDKEY;
  }
}
