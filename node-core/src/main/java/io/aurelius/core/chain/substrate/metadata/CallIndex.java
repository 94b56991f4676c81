package io.aurelius.core.chain.substrate.metadata;

/** Where a call is dispatched: the pallet's index and the call's variant index (two bytes). */
public record CallIndex(int pallet, int call) {
  public CallIndex {
    if (pallet < 0 || pallet > 255) {
      throw new IllegalArgumentException("pallet: " + pallet + " (expected: 0..255)");
    }
    if (call < 0 || call > 255) {
      throw new IllegalArgumentException("call: " + call + " (expected: 0..255)");
    }
  }
}
