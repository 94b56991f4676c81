package io.aurelius.core.chain;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.identity.KeyId;
import java.util.List;

/**
 * One UID of the metagraph. Proportions (consensus, trust, incentive, dividends, stake share) are
 * exact binary fractions from the chain's I32F32 arithmetic, shown as doubles.
 *
 * @param uid the slot
 * @param hotkey the registered hotkey
 * @param hotkeyScheme the scheme the hotkey registered under (what nodes pin for its requests)
 * @param coldkey the coldkey that owns it
 * @param role what it registered as
 * @param endpoint where it serves the signed protocol
 * @param stake its stake, an integer amount
 * @param active whether the last epoch counted it as active
 * @param validatorPermit whether it may set weights on others
 * @param consensus C from the last epoch
 * @param validatorTrust Tv from the last epoch
 * @param incentive I from the last epoch
 * @param dividends D from the last epoch
 * @param emission what it earned in the last epoch
 * @param lastUpdate block of its last weight update
 * @param registeredAt block it registered at
 * @param immune whether it is still in its immunity period
 * @param weights its weights as set on chain (only when asked for)
 */
public record NeuronInfo(
    int uid,
    KeyId hotkey,
    KeyScheme hotkeyScheme,
    KeyId coldkey,
    Role role,
    Endpoint endpoint,
    long stake,
    boolean active,
    boolean validatorPermit,
    double consensus,
    double validatorTrust,
    double incentive,
    double dividends,
    long emission,
    long lastUpdate,
    long registeredAt,
    boolean immune,
    List<UidWeight> weights) {
  public NeuronInfo {
    requireNonNull(hotkey, "hotkey");
    requireNonNull(hotkeyScheme, "hotkeyScheme");
    requireNonNull(coldkey, "coldkey");
    requireNonNull(role, "role");
    requireNonNull(endpoint, "endpoint");
    weights = List.copyOf(weights);
  }

  /** One weight: target UID and its u16 value (max-upscaled, so the largest is 65535). */
  public record UidWeight(int uid, int value) {}
}
