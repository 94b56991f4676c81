package io.aurelius.judge.api;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One configuration's result: its DLV and secondary signals, whether it passed the DLV gate, its
 * reward on the Pareto frontier, the aenes this validator approves for the corpus, and those it
 * declines.
 *
 * @param configId the configuration's content id (hex)
 */
public record ConfigurationJudgement(
    String configId,
    double dlv,
    double novelty,
    double efficiency,
    double immersion,
    boolean passed,
    double reward,
    List<ApprovedAene> approved,
    List<JudgedAene> declined) {
  public ConfigurationJudgement {
    requireNonNull(configId, "configId");
    approved = List.copyOf(approved);
    declined = List.copyOf(declined);
  }
}
