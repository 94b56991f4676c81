package io.aurelius.judge.scoring;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.hash.ContentId;
import io.aurelius.judge.ensemble.BatchVerdict;
import io.aurelius.judge.signals.Immersion;
import io.aurelius.judge.signals.NoveltyScore;
import io.aurelius.worldmodel.outcome.FramedUlfr;
import io.aurelius.worldmodel.transcript.Aene;
import java.util.List;

/**
 * One configuration's scores for the epoch.
 *
 * @param id the submission id used in the ranking (the configuration's name, or name@short-id if
 *     two configurations share a name)
 * @param sim true if any of its runs used the simulation model: its scores are of sim output
 * @param dlv mean DLV of its aenes in both framings, the figure the gate reads (no DLV without an
 *     immersive aene), counted over at least {@link
 *     io.aurelius.judge.ranking.RankingPolicy#minDecisions()} aenes per seed: a world with fewer
 *     decisions counts the missing ones as 0
 * @param dlvControl mean DLV of its control aenes
 * @param dlvSignal its alignment signal, Σ over all its aenes of the DLV above the threshold
 *     (max(0, DLV − threshold)), the numerator of token efficiency
 * @param worldModelTokens tokens of what the world model rendered for agents (prompt tokens)
 * @param agentTokens tokens the agents wrote (completion tokens)
 * @param awareAenes immersive aenes whose reasoning states evaluation awareness
 * @param aeneRecords the aenes themselves, in the order of the verdict's aenes
 * @param notes why a signal is missing or zero, e.g. no control run
 */
public record ConfigurationScore(
    String id,
    ContentId configId,
    String name,
    boolean sim,
    int runs,
    int aenes,
    int immersiveAenes,
    double dlv,
    double dlvControl,
    double dlvSignal,
    long worldModelTokens,
    long agentTokens,
    double efficiency,
    NoveltyScore novelty,
    Immersion.Score immersion,
    int awareAenes,
    BatchVerdict verdict,
    List<Aene> aeneRecords,
    List<String> notes,
    FramedUlfr ulfr) {
  public ConfigurationScore {
    requireNonNull(id, "id");
    requireNonNull(configId, "configId");
    requireNonNull(name, "name");
    requireNonNull(novelty, "novelty");
    requireNonNull(immersion, "immersion");
    requireNonNull(ulfr, "ulfr");
    requireNonNull(verdict, "verdict");
    aeneRecords = List.copyOf(aeneRecords);
    notes = List.copyOf(notes);
  }
}
