package io.aurelius.validator.epoch;

import static java.util.Objects.requireNonNull;

import io.aurelius.anchoring.log.LogException;
import io.aurelius.validator.publish.CorpusAnchor;
import io.aurelius.validator.store.ValidatorStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Rebuilds an epoch's {@link EpochReport} from what its steps stored. */
final class ReportBuilder {
  private final ValidatorStore store;
  private final CorpusAnchor corpus;

  ReportBuilder(ValidatorStore store, CorpusAnchor corpus) {
    this.store = requireNonNull(store, "store");
    this.corpus = requireNonNull(corpus, "corpus");
  }

  EpochReport build(long epoch) {
    MetagraphSnapshot graph =
        StoredJson.read(
            store.item(epoch, Steps.SYNC, "metagraph").orElseThrow(), MetagraphSnapshot.class);
    List<String> notes = new ArrayList<>();
    List<EpochReport.Submitted> submitted = new ArrayList<>();
    for (byte[] b : store.items(epoch, Steps.SUBMISSION).values()) {
      SubmissionRecord r = SubmissionRecord.fromBytes(b);
      String outcome = r.outcome();
      String message = r.message();
      if (r.admitted()) {
        var run =
            store
                .item(epoch, Steps.RUN, r.configId().orElseThrow())
                .map(x -> StoredJson.read(x, Records.Simulated.class));
        if (run.isPresent() && !run.get().outcome().equals("ok")) {
          outcome = run.get().outcome();
          message = run.get().reason();
        }
      }
      submitted.add(new EpochReport.Submitted(r.uid(), r.miner(), outcome, message, r.configId()));
    }
    submitted.sort(java.util.Comparator.comparingInt(EpochReport.Submitted::uid));
    Records.Scored scored =
        StoredJson.read(
            store.item(epoch, Steps.SCORE, "result").orElseThrow(), Records.Scored.class);
    Records.WeightsSent weights =
        StoredJson.read(
            store.item(epoch, Steps.WEIGHTS, "result").orElseThrow(), Records.WeightsSent.class);
    Map<Integer, Integer> weightOf = new HashMap<>();
    for (int i = 0; i < weights.uids().size(); i++) {
      weightOf.put(weights.uids().get(i), weights.values().get(i));
    }
    List<EpochReport.MinerScore> miners = new ArrayList<>();
    for (Records.ScoreRow row : scored.rows()) {
      miners.add(
          new EpochReport.MinerScore(
              row.uid(),
              row.hotkey(),
              row.configId().isEmpty() ? Optional.empty() : Optional.of(row.configId()),
              row.dlv(),
              row.novelty(),
              row.efficiency(),
              row.immersion(),
              row.passed(),
              row.reward(),
              row.score(),
              weightOf.getOrDefault(row.uid(), 0),
              Optional.ofNullable(row.ulfr()).map(Records.Outcomes::framed)));
    }
    Records.Agreed agreed =
        StoredJson.read(
            store.item(epoch, Steps.CONSENSUS, "result").orElseThrow(), Records.Agreed.class);
    Records.Anchored anchored =
        StoredJson.read(
            store.item(epoch, Steps.ANCHOR, "result").orElseThrow(), Records.Anchored.class);
    Optional<EpochReport.CheckpointInfo> checkpoint = Optional.empty();
    try {
      List<String> names = corpus.signers(anchored.size());
      String origin = corpus.origin();
      List<String> signers = names.stream().filter(origin::equals).toList();
      List<String> cosigners = names.stream().filter(n -> !n.equals(origin)).toList();
      checkpoint =
          Optional.of(
              new EpochReport.CheckpointInfo(
                  origin, anchored.size(), anchored.root(), signers, cosigners));
    } catch (LogException e) {
      notes.add("checkpoint " + anchored.size() + ": " + e.getMessage());
    }
    if (!weights.status().equals("accepted")) {
      notes.add("weights: " + weights.status());
    }
    return new EpochReport(
        epoch,
        graph.block(),
        miners,
        submitted,
        scored.proposals(),
        agreed.considered(),
        agreed.accepted().size(),
        checkpoint,
        new EpochReport.WeightsOutcome(
            weights.uids(),
            weights.values(),
            weights.action(),
            weights.revealed(),
            weights.status()),
        notes,
        store
            .item(epoch, Steps.CONSENSUS, "trust")
            .map(b -> StoredJson.read(b, Records.Trust.class).validators())
            .orElse(List.of()));
  }
}
