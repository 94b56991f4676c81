package io.aurelius.judge.scoring;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.core.hash.ContentId;
import io.aurelius.judge.ensemble.BatchVerdict;
import io.aurelius.judge.ensemble.ReputationBook;
import io.aurelius.worldmodel.transcript.Aene;
import io.aurelius.worldmodel.transcript.Transcript;
import java.util.List;
import java.util.Map;

/**
 * An epoch's configurations judged and embedded, not yet measured or ranked ({@link
 * EpochScorer#judge}). {@link EpochScorer#rank} ranks any subset of them, so an evidence report can
 * try several admission thresholds or DLV rules on one judging.
 */
public final class JudgedEpoch {
  /** A configuration with its runs, in the order it first appears (its admission order). */
  record Group(ContentId configId, String name, JsonNode config, List<Transcript> runs) {}

  /** A configuration's judged aenes, and what novelty needs of it. */
  record Judged(
      String id,
      Group group,
      Map<String, Aene> aenes,
      BatchVerdict verdict,
      float[] embedding,
      long[] signature,
      long[] aeneSignature) {}

  private final List<Judged> configurations;
  private final List<CorpusEntry> corpus;
  private final ReputationBook reputation;
  private final List<String> skipped;

  JudgedEpoch(
      List<Judged> configurations,
      List<CorpusEntry> corpus,
      ReputationBook reputation,
      List<String> skipped) {
    this.configurations = List.copyOf(configurations);
    this.corpus = List.copyOf(corpus);
    this.reputation = requireNonNull(reputation, "reputation");
    this.skipped = List.copyOf(skipped);
  }

  /** The configurations' ids, in admission order. */
  public List<ContentId> configIds() {
    return configurations.stream().map(j -> j.group().configId()).toList();
  }

  List<Judged> configurations() {
    return configurations;
  }

  List<CorpusEntry> corpus() {
    return corpus;
  }

  ReputationBook reputation() {
    return reputation;
  }

  List<String> skipped() {
    return skipped;
  }
}
