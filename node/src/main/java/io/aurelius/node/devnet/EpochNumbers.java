package io.aurelius.node.devnet;

import java.util.Map;
import java.util.TreeMap;

/**
 * The devnet's epochs numbered from 1 in the order they start, for what it prints; the validators
 * themselves run the chain's epoch index (the block over the tempo), which is far from 1 by the
 * time a devnet has registered its nodes.
 */
public final class EpochNumbers {
  private final Map<Long, Integer> byChainEpoch = new TreeMap<>();

  /**
   * The number of the devnet epoch that runs chain epoch {@code chainEpoch}, given on first use.
   */
  public synchronized int of(long chainEpoch) {
    return byChainEpoch.computeIfAbsent(chainEpoch, e -> byChainEpoch.size() + 1);
  }

  /** The chain epoch of devnet epoch {@code number}. */
  public synchronized long chainEpoch(int number) {
    return byChainEpoch.entrySet().stream()
        .filter(e -> e.getValue() == number)
        .mapToLong(Map.Entry::getKey)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no devnet epoch " + number + " yet"));
  }
}
