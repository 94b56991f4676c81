package io.aurelius.core.chain.subtensor;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.chain.Endpoint;
import io.aurelius.core.identity.KeyId;

/**
 * One UID of a Subtensor subnet, with the SDK's units: scores are u16 fractions over 65535, amounts
 * are rao (the SDK shows them as TAO or alpha: divide by 10^9).
 *
 * @param axon the served endpoint, {@link Endpoint#NONE} when nothing is served
 * @param validatorTrust from {@code NeuronInfoRuntimeApi_get_neurons_lite} (the metagraph call has
 *     none)
 */
public record SubnetNeuron(
    int uid,
    KeyId hotkey,
    KeyId coldkey,
    boolean active,
    boolean validatorPermit,
    long lastUpdate,
    long registeredAt,
    double rank,
    double trust,
    double validatorTrust,
    double consensus,
    double incentive,
    double dividends,
    double pruningScore,
    long emissionRao,
    long alphaStakeRao,
    long taoStakeRao,
    long totalStakeRao,
    Endpoint axon) {
  public SubnetNeuron {
    requireNonNull(hotkey, "hotkey");
    requireNonNull(coldkey, "coldkey");
    requireNonNull(axon, "axon");
  }
}
