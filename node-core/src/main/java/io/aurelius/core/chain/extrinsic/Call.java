package io.aurelius.core.chain.extrinsic;

/**
 * What an extrinsic asks the chain to do. Each call is signed either by a coldkey (money and
 * registration) or by a registered hotkey (endpoint and weights), as on Subtensor.
 */
public sealed interface Call
    permits Register,
        ServeEndpoint,
        SetWeights,
        CommitWeights,
        RevealWeights,
        AddStake,
        RemoveStake,
        Transfer {
  /** Largest amount a call may carry: amounts must stay exact in canonical JSON. */
  long MAX_AMOUNT = (1L << 53) - 1;

  enum SignedBy {
    COLDKEY,
    HOTKEY
  }

  /** The snake_case name on the wire, e.g. {@code set_weights}. */
  String type();

  SignedBy signedBy();

  static long checkAmount(long amount) {
    if (amount < 1 || amount > MAX_AMOUNT) {
      throw new IllegalArgumentException(
          "amount: " + amount + " (expected: 1.." + MAX_AMOUNT + ")");
    }
    return amount;
  }

  static int checkNetuid(int netuid) {
    if (netuid < 0 || netuid > 65535) {
      throw new IllegalArgumentException("netuid: " + netuid + " (expected: 0..65535)");
    }
    return netuid;
  }

  static long checkVersionKey(long versionKey) {
    if (versionKey < 0 || versionKey > MAX_AMOUNT) {
      throw new IllegalArgumentException(
          "version_key: " + versionKey + " (expected: 0.." + MAX_AMOUNT + ")");
    }
    return versionKey;
  }
}
