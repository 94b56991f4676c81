package io.aurelius.core.chain.subtensor;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.chain.Metagraph;
import io.aurelius.core.chain.NeuronInfo;
import io.aurelius.core.chain.Role;
import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.identity.KeyId;
import java.util.List;

/**
 * A Subtensor subnet at one block: its neurons in UID order, hyperparameters, and the block its
 * next epoch runs at.
 *
 * @param symbol the subnet's token symbol (its alpha), for display
 * @param ownerHotkey the subnet owner's hotkey
 * @param lastStep the block its last epoch ran at
 */
public record SubnetMetagraph(
    int netuid,
    long block,
    String blockHash,
    String name,
    String symbol,
    KeyId ownerHotkey,
    SubnetHyperparameters hyperparameters,
    long lastStep,
    long nextEpochBlock,
    List<SubnetNeuron> neurons) {
  public SubnetMetagraph {
    requireNonNull(blockHash, "blockHash");
    requireNonNull(name, "name");
    requireNonNull(symbol, "symbol");
    requireNonNull(ownerHotkey, "ownerHotkey");
    requireNonNull(hyperparameters, "hyperparameters");
    neurons = List.copyOf(neurons);
  }

  public int size() {
    return neurons.size();
  }

  /**
   * The node's view: a UID with a validator permit is a {@link Role#VALIDATOR} (Subtensor has no
   * declared roles), stake is the total stake in rao, hotkeys are sr25519 (Bittensor's scheme), and
   * a UID is immune while fewer than the immunity period's blocks have passed since registration.
   */
  public Metagraph toMetagraph() {
    List<NeuronInfo> infos =
        neurons.stream()
            .map(
                n ->
                    new NeuronInfo(
                        n.uid(),
                        n.hotkey(),
                        KeyScheme.SR25519,
                        n.coldkey(),
                        n.validatorPermit() ? Role.VALIDATOR : Role.MINER,
                        n.axon(),
                        n.totalStakeRao(),
                        n.active(),
                        n.validatorPermit(),
                        n.consensus(),
                        n.validatorTrust(),
                        n.incentive(),
                        n.dividends(),
                        n.emissionRao(),
                        n.lastUpdate(),
                        n.registeredAt(),
                        block - n.registeredAt() < hyperparameters.immunityPeriod(),
                        List.of()))
            .toList();
    return new Metagraph(netuid, block, infos);
  }
}
