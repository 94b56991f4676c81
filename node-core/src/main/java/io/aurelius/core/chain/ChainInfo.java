package io.aurelius.core.chain;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.identity.KeyId;

/**
 * What a node needs to know about the chain it talks to.
 *
 * @param chainId identifies the chain and is part of every signed extrinsic (the dev chain uses the
 *     SHA-256 of its canonical genesis; Subtensor would use its genesis hash)
 * @param netuid the subnet
 * @param tempo blocks per epoch minus one, as on Subtensor
 * @param blockIntervalMillis target time between blocks
 * @param head the newest final block
 * @param weightSetting how weights are accepted
 * @param authority the key that signs the dev chain's blocks
 */
public record ChainInfo(
    String chainId,
    int netuid,
    int tempo,
    long blockIntervalMillis,
    long head,
    WeightSetting weightSetting,
    KeyId authority) {
  public ChainInfo {
    requireNonNull(chainId, "chainId");
    requireNonNull(weightSetting, "weightSetting");
    requireNonNull(authority, "authority");
  }
}
