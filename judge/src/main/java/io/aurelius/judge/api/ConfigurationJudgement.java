package io.aurelius.judge.api;

import static java.util.Objects.requireNonNull;

import io.aurelius.worldmodel.outcome.FramedUlfr;
import java.util.List;

/**
 * One configuration's result: its DLV and secondary signals, whether it passed the DLV gate, its
 * reward on the Pareto frontier, the aenes this validator approves for the corpus, and those it
 * declines.
 *
 * @param configId the configuration's content id (hex)
 * @param ulfr the ULFR outcome lens per framing, naming the weight version that made it
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
    List<JudgedAene> declined,
    FramedUlfr ulfr) {
  public ConfigurationJudgement {
    requireNonNull(configId, "configId");
    requireNonNull(ulfr, "ulfr");
    approved = List.copyOf(approved);
    declined = List.copyOf(declined);
  }
}
