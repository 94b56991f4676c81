package io.aurelius.core.chain;

import io.aurelius.core.crypto.Signer;
import io.aurelius.core.identity.KeyId;
import java.util.Optional;

/**
 * What a miner or validator needs from the chain: read the metagraph, register and serve an
 * endpoint, set weights (directly, or commit and later reveal), stake. The embedded dev chain
 * ({@code io.aurelius.core.chain.dev.DevChain}) is one implementation; a Subtensor client is meant
 * to be another, behind this same interface (docs/chain.md lists what it needs).
 *
 * <p>Every write is an extrinsic the implementation signs with the key given, so keys never leave
 * the caller's process. A write returns a {@link Receipt}: accepted (with the block it joins) or
 * rejected with a {@link RejectReason} and no effect. A remote implementation throws {@link
 * ChainUnavailableException} when the chain cannot be asked at all.
 */
public interface Chain {
  ChainInfo info();

  /** The newest final block. */
  long currentBlock();

  /** The metagraph without weights. */
  default Metagraph metagraph() {
    return metagraph(false);
  }

  /** The metagraph; with every UID's weights when asked (larger). */
  Metagraph metagraph(boolean withWeights);

  /** Free balance, next nonce and owned stake of an account; empty if the chain never saw it. */
  Optional<AccountInfo> account(KeyId account);

  /** Registers {@code hotkey} under {@code coldkey} with a role and an endpoint. */
  Receipt register(Signer coldkey, Signer hotkey, Role role, Endpoint endpoint);

  /** Changes the endpoint a registered hotkey serves. */
  Receipt serveEndpoint(Signer hotkey, Endpoint endpoint);

  /** Sets weights directly (only when {@link ChainInfo#weightSetting()} is direct). */
  Receipt setWeights(Signer hotkey, Weights weights, long versionKey);

  /** Commits to weights by hash; reveal them with the same salt in the reveal epoch. */
  Receipt commitWeights(Signer hotkey, Weights weights, Salt salt, long versionKey);

  Receipt revealWeights(Signer hotkey, Weights weights, Salt salt, long versionKey);

  /** Moves {@code amount} of the coldkey's free balance onto a hotkey it owns. */
  Receipt addStake(Signer coldkey, KeyId hotkey, long amount);

  /** Moves {@code amount} of stake from a hotkey back to its coldkey's free balance. */
  Receipt removeStake(Signer coldkey, KeyId hotkey, long amount);

  /** Moves free balance to another account. */
  Receipt transfer(Signer coldkey, KeyId to, long amount);

  /**
   * Fails, in one line, when weights cannot be set on this chain the way it requires, so a
   * validator refuses before its first epoch (Subtensor: a subnet that takes only drand-timelocked
   * commits, commit-reveal v3/v4). Every weight setting of {@link WeightSetting} is supported, so
   * the default passes.
   */
  default void checkWeightsSupported() {}
}
