package io.aurelius.core.chain.yuma;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.OptionalInt;

/**
 * Everything one epoch reads: the block it runs at, the tempo (to find UIDs registered since the
 * last step), the hyperparameters, the owner UID if the subnet has one, every UID's state (the list
 * index is the UID) and the emission to distribute.
 */
public record YumaInput(
    long block,
    long tempo,
    YumaParams params,
    OptionalInt ownerUid,
    List<YumaNeuron> neurons,
    long emission) {
  public YumaInput {
    requireNonNull(params, "params");
    requireNonNull(ownerUid, "ownerUid");
    neurons = List.copyOf(neurons);
    if (block < 0 || tempo < 0 || emission < 0) {
      throw new IllegalArgumentException("block, tempo and emission must be non-negative");
    }
    if (ownerUid.isPresent()
        && (ownerUid.getAsInt() < 0 || ownerUid.getAsInt() >= neurons.size())) {
      throw new IllegalArgumentException(
          "ownerUid: " + ownerUid.getAsInt() + " (expected: 0.." + (neurons.size() - 1) + ")");
    }
    for (YumaNeuron neuron : neurons) {
      int length = neuron.bonds().length;
      if (length != 0 && length != neurons.size()) {
        throw new IllegalArgumentException(
            "bonds row of length " + length + " (expected: 0 or " + neurons.size() + ")");
      }
    }
  }
}
