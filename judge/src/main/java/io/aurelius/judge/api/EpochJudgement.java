package io.aurelius.judge.api;

import static java.util.Objects.requireNonNull;

import io.aurelius.judge.scoring.EpochScore;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What judging an epoch found, per configuration, and the judges' reputations afterwards.
 *
 * @param judgeCalls per judge, how many of its calls ended in each status
 * @param detail the full score (per-aene verdicts, signals, ranking) for reports and tools
 */
public record EpochJudgement(
    List<ConfigurationJudgement> configurations,
    Map<String, Double> judgeReputation,
    Map<String, Map<String, Integer>> judgeCalls,
    EpochScore detail) {
  public EpochJudgement {
    configurations = List.copyOf(configurations);
    judgeReputation = Collections.unmodifiableMap(new TreeMap<>(judgeReputation));
    judgeCalls = Collections.unmodifiableMap(new TreeMap<>(judgeCalls));
    requireNonNull(detail, "detail");
  }

  public Optional<ConfigurationJudgement> configuration(String configId) {
    return configurations.stream().filter(c -> c.configId().equals(configId)).findFirst();
  }
}
