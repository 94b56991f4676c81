package io.aurelius.judge.scoring;

import static java.util.Objects.requireNonNull;

import io.aurelius.judge.ensemble.ReputationBook;
import io.aurelius.judge.ranking.EpochRanking;
import java.util.List;

/**
 * An epoch's scores: per configuration (in configuration-id order), the ranking, the judges'
 * reputations after the epoch, and what was skipped while reading.
 */
public record EpochScore(
    List<ConfigurationScore> configurations,
    EpochRanking ranking,
    ReputationBook reputation,
    List<String> skipped) {
  public EpochScore {
    configurations = List.copyOf(configurations);
    requireNonNull(ranking, "ranking");
    requireNonNull(reputation, "reputation");
    skipped = List.copyOf(skipped);
  }
}
