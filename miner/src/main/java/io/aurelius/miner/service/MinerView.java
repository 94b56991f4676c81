package io.aurelius.miner.service;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a running miner shows on its console: the library as served (configurations it hands out and
 * those it refuses, with the reason) and which configuration each validator took lately.
 */
public final class MinerView {
  private MinerView() {}

  /** The library at its current commit. */
  public record Library(Optional<String> tip, List<Served> served, Map<String, String> refused) {
    public Library {
      requireNonNull(tip, "tip");
      served = List.copyOf(served);
      refused = Map.copyOf(refused);
    }
  }

  /** A configuration the miner serves: content id, name and signed size in bytes. */
  public record Served(String id, String name, int bytes) {}

  /** One answered query: which configuration a validator took for an epoch, and when. */
  public record Handout(long epoch, String validator, String configId, long atMillis) {}
}
