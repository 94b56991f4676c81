package io.aurelius.validator.epoch;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What simulating the epoch's configurations produced: per configuration id, {@code ok} with its
 * transcript file, or why it produced none.
 *
 * @param dir the epoch's transcript folder
 */
record Simulations(Path dir, Map<String, Records.Simulated> byConfig) {
  Simulations {
    byConfig = new TreeMap<>(byConfig);
  }

  /** The transcripts of a configuration whose runs completed. */
  Optional<Path> transcripts(String configId) {
    return Optional.ofNullable(byConfig.get(configId))
        .filter(s -> s.outcome().equals("ok"))
        .map(s -> dir.resolve(s.file()));
  }

  Optional<Records.Simulated> of(String configId) {
    return Optional.ofNullable(byConfig.get(configId));
  }
}
