package io.aurelius.validator.epoch;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.core.hash.ContentId;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.json.CanonicalJson;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonLimits;
import io.aurelius.judge.embedding.MiniLmEmbedder;
import io.aurelius.judge.ensemble.AeneVerdict;
import io.aurelius.judge.ensemble.ReputationBook;
import io.aurelius.judge.ranking.MovingAverage;
import io.aurelius.judge.ranking.Ranked;
import io.aurelius.judge.scoring.ConfigurationScore;
import io.aurelius.judge.scoring.ConfigurationText;
import io.aurelius.judge.scoring.CorpusEntry;
import io.aurelius.judge.scoring.EpochScore;
import io.aurelius.validator.consensus.ConsensusBook;
import io.aurelius.validator.consensus.Proposal;
import io.aurelius.validator.consensus.SignedVerdict;
import io.aurelius.validator.store.ValidatorStore;
import io.aurelius.worldmodel.transcript.Aene;
import io.aurelius.worldmodel.transcript.Transcript;
import io.aurelius.worldmodel.transcript.TranscriptReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Steps 5–7: the judge module's {@code EpochScorer} over the epoch's transcripts in admission
 * (UID) order, novelty against the configurations already published; rewards per miner, the
 * moving average (α = 0.1, kept across epochs in the state store) and this validator's
 * proposals for the corpus (approved aenes, each with a signed verdict). Everything is stored
 * in one transaction with the step's mark, so the average moves once per epoch.
 */
final class ScoreStep {
  static final String EMA = "ema";
  static final String JUDGE_REPUTATION = "judge-reputation";
  static final String PUBLISHED = "published";
  static final double ALPHA = 0.1;

  private final EpochContext ctx;
  private final EpochListener listener;

  ScoreStep(EpochContext ctx, EpochListener listener) {
    this.ctx = requireNonNull(ctx, "ctx");
    this.listener = requireNonNull(listener, "listener");
  }

  Records.Scored run(long epoch, MetagraphSnapshot graph, List<SubmissionRecord> submissions)
      throws InterruptedException {
    ValidatorStore store = ctx.store();
    var stored = store.item(epoch, Steps.SCORE, "result");
    if (stored.isPresent()) {
      return StoredJson.read(stored.get(), Records.Scored.class);
    }
    Map<String, SubmissionRecord> byConfig = new HashMap<>();
    List<Transcript> transcripts = new ArrayList<>();
    for (SubmissionRecord r : submissions) {
      if (!r.admitted()) {
        continue;
      }
      String id = r.configId().orElseThrow();
      var run = store.item(epoch, Steps.RUN, id).map(b -> StoredJson.read(b, Records.Simulated.class));
      if (run.isEmpty() || !run.get().outcome().equals("ok")) {
        continue;
      }
      byConfig.put(id, r);
      try {
        transcripts.addAll(TranscriptReader.read(ctx.runsDir().resolve(Long.toString(epoch)).resolve(run.get().file())));
      } catch (IOException e) {
        throw new UncheckedIOException("epoch " + epoch + ": transcripts of " + id + ": " + e.getMessage(), e);
      }
    }
    ReputationBook reputation = store.state(JUDGE_REPUTATION).map(ScoreStep::reputation).orElse(ReputationBook.empty());
    EpochScore score = transcripts.isEmpty() ? null : ctx.judging().scorer(epoch).score(transcripts, corpus(), reputation);

    Map<String, ConfigurationScore> scoreByConfig = new HashMap<>();
    Map<String, Ranked> rankedById = new HashMap<>();
    if (score != null) {
      score.configurations().forEach(c -> scoreByConfig.put(c.configId().hex(), c));
      score.ranking().ranked().forEach(r -> rankedById.put(r.id(), r));
    }
    Map<String, Double> rewards = new TreeMap<>();
    List<String> passed = new ArrayList<>();
    record Partial(Member m, String configId, ConfigurationScore s, Ranked r) {}
    List<Partial> partials = new ArrayList<>();
    Map<String, String> configOf = new HashMap<>();
    submissions.forEach(r -> r.configId().filter(x -> r.admitted()).ifPresent(id -> configOf.put(r.miner(), id)));
    for (Member m : graph.miners()) {
      String configId = configOf.getOrDefault(m.hotkey(), "");
      ConfigurationScore s = scoreByConfig.get(configId);
      Ranked r = s == null ? null : rankedById.get(s.id());
      rewards.put(m.hotkey(), r == null ? 0.0 : r.reward());
      if (r != null && r.passed()) {
        passed.add(configId);
      }
      partials.add(new Partial(m, s == null ? "" : configId, s, r));
    }
    Records.Ema previous = store.state(EMA).map(b -> StoredJson.read(b, Records.Ema.class))
        .orElse(new Records.Ema(-1, Map.of()));
    Map<String, Double> ema = MovingAverage.update(previous.scores(), rewards, ALPHA);
    List<Records.ScoreRow> rows = new ArrayList<>();
    for (Partial p : partials) {
      ConfigurationScore s = p.s();
      rows.add(new Records.ScoreRow(p.m().uid(), p.m().hotkey(), p.configId(), s == null ? 0 : s.dlv(),
          s == null ? 0 : s.novelty().novelty(), s == null ? 0 : s.efficiency(), s == null ? 0 : s.immersion().immersion(),
          p.r() != null && p.r().passed(), rewards.get(p.m().hotkey()), ema.getOrDefault(p.m().hotkey(), 0.0)));
    }
    List<Proposal> proposals = score == null ? List.of() : proposals(epoch, score, byConfig);
    Records.Scored result = new Records.Scored(rows, ema, proposals.size(), passed);
    ReputationBook after = score == null ? reputation : score.reputation();
    store.atomically(tx -> {
      tx.putItem(epoch, Steps.SCORE, "result", StoredJson.bytes(result));
      ConsensusBook.write(tx, epoch, proposals);
      tx.putState(EMA, StoredJson.bytes(new Records.Ema(epoch, ema)));
      tx.putState(JUDGE_REPUTATION, CanonicalJson.bytes(Json.toTree(after.reputations())));
      tx.markDone(epoch, Steps.SCORE);
      return null;
    });
    if (score != null) {
      listener.judged(epoch, score);
    }
    return result;
  }

  private List<Proposal> proposals(long epoch, EpochScore score, Map<String, SubmissionRecord> byConfig) {
    List<Proposal> out = new ArrayList<>();
    KeyId self = ctx.self();
    for (ConfigurationScore c : score.configurations()) {
      SubmissionRecord r = byConfig.get(c.configId().hex());
      if (r == null) {
        continue;
      }
      Map<String, Aene> aenes = new HashMap<>();
      c.aeneRecords().forEach(a -> aenes.put(a.id().hex(), a));
      for (AeneVerdict v : c.verdict().aenes()) {
        Aene a = aenes.get(v.aeneId());
        if (a != null && ctx.judging().approves(v)) {
          out.add(new Proposal(a, SignedVerdict.sign(epoch, v.aeneId(), self, KeyId.parse(r.miner()), true, v.dlv(),
              ctx.key())));
        }
      }
    }
    out.sort(Comparator.comparingDouble((Proposal p) -> -p.verdict().dlv()).thenComparing(Proposal::aeneId));
    return out.size() > ctx.knobs().maxProposals() ? out.subList(0, ctx.knobs().maxProposals()) : out;
  }

  /** The configurations already published, as novelty's corpus. */
  private List<CorpusEntry> corpus() {
    List<CorpusEntry> out = new ArrayList<>();
    ctx.store().items(EpochPipeline.GLOBAL, PUBLISHED).forEach((id, b) -> {
      JsonNode doc = Json.parse(b, "published configuration", JsonLimits.UNTRUSTED);
      String text = ConfigurationText.of(doc);
      out.add(new CorpusEntry(ContentId.parse(id), ConfigurationText.embedding(text, MiniLmEmbedder.shared()),
          ConfigurationText.signature(text)));
    });
    return out;
  }

  static ReputationBook reputation(byte[] b) {
    Map<String, Double> m = new TreeMap<>();
    Json.parse(b, "judge reputation", JsonLimits.UNTRUSTED).fields()
        .forEachRemaining(e -> m.put(e.getKey(), e.getValue().asDouble()));
    return new ReputationBook(m);
  }
}
