package io.aurelius.validator.epoch;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.core.crypto.Signer;
import io.aurelius.core.hash.ContentId;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.json.CanonicalJson;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonLimits;
import io.aurelius.judge.api.AcceptanceForecast;
import io.aurelius.judge.api.ApprovedAene;
import io.aurelius.judge.api.ConfigurationJudgement;
import io.aurelius.judge.api.EpochJudgement;
import io.aurelius.judge.api.JudgedAene;
import io.aurelius.judge.api.Judges;
import io.aurelius.judge.api.PublishedConfiguration;
import io.aurelius.judge.api.Rewards;
import io.aurelius.validator.consensus.ConsensusBook;
import io.aurelius.validator.consensus.Proposal;
import io.aurelius.validator.consensus.SignedVerdict;
import io.aurelius.validator.store.ValidatorStore;
import io.aurelius.worldmodel.outcome.OutcomeLens;
import io.aurelius.worldmodel.outcome.TranscriptOutcomes;
import io.aurelius.worldmodel.outcome.Ulfr;
import io.aurelius.worldmodel.outcome.UlfrWeights;
import io.aurelius.worldmodel.transcript.Aene;
import io.aurelius.worldmodel.transcript.Transcript;
import io.aurelius.worldmodel.transcript.TranscriptReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Steps 5–7: the judges score the epoch's transcripts in admission (UID) order against the
 * configurations already published ({@link Judges#score}); rewards per miner, the moving average (α
 * = 0.1, kept across epochs in the state store) and this validator's proposals for the corpus
 * (approved aenes, each with a signed verdict). Everything is stored in one transaction with the
 * step's mark, so the average moves once per epoch.
 */
final class ScoreStep implements EpochStep<ScoreStep.Input, Records.Scored> {
  static final String EMA = "ema";
  static final String JUDGE_REPUTATION = "judge-reputation";
  static final String PUBLISHED = "published";
  static final double ALPHA = 0.1;

  /**
   * The epoch's members, what was admitted, what simulating it produced, and the ULFR weights in
   * force when the epoch started.
   */
  record Input(
      MetagraphSnapshot graph,
      Submissions submissions,
      Simulations simulations,
      UlfrWeights ulfr) {}

  private final ValidatorStore store;
  private final Judges judges;
  private final CanarySecrets secrets;
  private final Signer key;
  private final int maxProposals;
  private final boolean alwaysApprove;
  private final EpochListener listener;

  ScoreStep(
      ValidatorStore store,
      Judges judges,
      CanarySecrets secrets,
      Signer key,
      int maxProposals,
      boolean alwaysApprove,
      EpochListener listener) {
    this.store = requireNonNull(store, "store");
    this.judges = requireNonNull(judges, "judges");
    this.secrets = requireNonNull(secrets, "secrets");
    this.key = requireNonNull(key, "key");
    this.maxProposals = maxProposals;
    this.alwaysApprove = alwaysApprove;
    this.listener = requireNonNull(listener, "listener");
  }

  @Override
  public String name() {
    return Steps.SCORE;
  }

  @Override
  public Records.Scored run(long epoch, Input in) {
    var stored = store.item(epoch, Steps.SCORE, "result");
    if (stored.isPresent()) {
      return StoredJson.read(stored.get(), Records.Scored.class);
    }
    Map<String, SubmissionRecord> byConfig = new HashMap<>();
    List<Transcript> transcripts = new ArrayList<>();
    for (Submissions.AdmittedConfiguration c : in.submissions().configurations()) {
      Optional<Path> file = in.simulations().transcripts(c.configId());
      if (file.isEmpty()) {
        continue;
      }
      byConfig.put(c.configId(), c.record());
      try {
        transcripts.addAll(TranscriptReader.read(file.get()));
      } catch (IOException e) {
        throw new UncheckedIOException(
            "epoch " + epoch + ": transcripts of " + c.configId() + ": " + e.getMessage(), e);
      }
    }
    Map<String, Double> reputation = judgeReputation(store);
    EpochJudgement judged =
        transcripts.isEmpty()
            ? null
            : judges.score(secrets.forEpoch(epoch), transcripts, corpus(), reputation, in.ulfr());

    Map<String, Double> rewards = new TreeMap<>();
    List<String> passed = new ArrayList<>();
    Map<String, String> configOf = new HashMap<>();
    in.submissions().configurations().forEach(c -> configOf.put(c.record().miner(), c.configId()));
    List<Records.ScoreRow> rows = new ArrayList<>();
    record Partial(Member m, String configId, ConfigurationJudgement c) {}
    List<Partial> partials = new ArrayList<>();
    for (Member m : in.graph().miners()) {
      String configId = configOf.getOrDefault(m.hotkey(), "");
      ConfigurationJudgement c =
          judged == null ? null : judged.configuration(configId).orElse(null);
      rewards.put(m.hotkey(), c == null ? 0.0 : c.reward());
      if (c != null && c.passed()) {
        passed.add(configId);
      }
      partials.add(new Partial(m, c == null ? "" : configId, c));
    }
    Records.Ema previous =
        store
            .state(EMA)
            .map(b -> StoredJson.read(b, Records.Ema.class))
            .orElse(new Records.Ema(-1, Map.of()));
    Map<String, Double> ema = Rewards.smooth(previous.scores(), rewards, ALPHA);
    for (Partial p : partials) {
      ConfigurationJudgement c = p.c();
      rows.add(
          new Records.ScoreRow(
              p.m().uid(),
              p.m().hotkey(),
              p.configId(),
              c == null ? 0 : c.dlv(),
              c == null ? 0 : c.novelty(),
              c == null ? 0 : c.efficiency(),
              c == null ? 0 : c.immersion(),
              c != null && c.passed(),
              rewards.get(p.m().hotkey()),
              ema.getOrDefault(p.m().hotkey(), 0.0),
              c == null ? null : Records.Outcomes.of(c.ulfr())));
    }
    List<Proposal> proposals =
        judged == null
            ? List.of()
            : proposals(epoch, judged, byConfig, outcomes(transcripts, in.ulfr()));
    Records.Scored result = new Records.Scored(rows, ema, proposals.size(), passed);
    Map<String, Double> after = judged == null ? reputation : judged.judgeReputation();
    store.atomically(
        tx -> {
          tx.putItem(epoch, Steps.SCORE, "result", StoredJson.bytes(result));
          ConsensusBook.write(tx, epoch, proposals);
          tx.putState(EMA, StoredJson.bytes(new Records.Ema(epoch, ema)));
          tx.putState(JUDGE_REPUTATION, CanonicalJson.bytes(Json.toTree(new TreeMap<>(after))));
          tx.markDone(epoch, Steps.SCORE);
          return null;
        });
    if (judged != null) {
      listener.judged(epoch, judged);
    }
    long passing = rows.stream().filter(Records.ScoreRow::passed).count();
    listener.step(
        epoch,
        Steps.SCORE,
        passing
            + " of "
            + rows.size()
            + " miners passed the DLV gate; "
            + proposals.size()
            + " aenes approved");
    return result;
  }

  /** Each run's ULFR lens, by {@code configId/framing/seed}, the key of the aenes it produced. */
  private static Map<String, Ulfr> outcomes(List<Transcript> transcripts, UlfrWeights weights) {
    Map<String, Ulfr> out = new HashMap<>();
    for (Transcript t : transcripts) {
      TranscriptOutcomes.of(t)
          .ifPresent(
              o ->
                  out.put(
                      runKey(
                          t.header().configId().hex(),
                          t.header().framing().json(),
                          t.header().seed()),
                      OutcomeLens.score(List.of(o), weights)));
    }
    return out;
  }

  private static String runKey(String configId, String framing, long seed) {
    return configId + "/" + framing + "/" + seed;
  }

  private static Optional<Ulfr> outcome(Map<String, Ulfr> outcomes, Aene a) {
    return Optional.ofNullable(
        outcomes.get(runKey(a.configId().hex(), a.framing().json(), a.seed())));
  }

  private List<Proposal> proposals(
      long epoch,
      EpochJudgement judged,
      Map<String, SubmissionRecord> byConfig,
      Map<String, Ulfr> outcomes) {
    List<Proposal> out = new ArrayList<>();
    KeyId self = KeyId.of(key.publicKey());
    for (ConfigurationJudgement c : judged.configurations()) {
      SubmissionRecord r = byConfig.get(c.configId());
      if (r == null) {
        continue;
      }
      KeyId miner = KeyId.parse(r.miner());
      for (ApprovedAene a : c.approved()) {
        double q = alwaysApprove ? 1 - AcceptanceForecast.EPSILON : a.acceptance();
        out.add(
            new Proposal(
                a.aene(),
                SignedVerdict.sign(epoch, a.id(), self, miner, true, a.dlv(), q, key),
                outcome(outcomes, a.aene())));
      }
      if (alwaysApprove) {
        for (JudgedAene a : c.declined()) {
          out.add(
              new Proposal(
                  a.aene(),
                  SignedVerdict.sign(
                      epoch,
                      a.id(),
                      self,
                      miner,
                      true,
                      a.dlv(),
                      1 - AcceptanceForecast.EPSILON,
                      key),
                  outcome(outcomes, a.aene())));
        }
      }
    }
    out.sort(
        Comparator.comparingDouble((Proposal p) -> -p.verdict().dlv())
            .thenComparing(Proposal::aeneId));
    return out.size() > maxProposals ? out.subList(0, maxProposals) : out;
  }

  /** The configurations already published, as novelty's corpus. */
  private List<PublishedConfiguration> corpus() {
    List<PublishedConfiguration> out = new ArrayList<>();
    store
        .items(AdmitStep.GLOBAL, PUBLISHED)
        .forEach(
            (id, b) -> {
              JsonNode doc = Json.parse(b, "published configuration", JsonLimits.UNTRUSTED);
              out.add(PublishedConfiguration.of(ContentId.parse(id), doc));
            });
    return out;
  }

  /** The judges' reputations after the last scored epoch (empty before the first). */
  static Map<String, Double> judgeReputation(ValidatorStore store) {
    Map<String, Double> m = new TreeMap<>();
    store
        .state(JUDGE_REPUTATION)
        .ifPresent(
            b ->
                Json.parse(b, "judge reputation", JsonLimits.UNTRUSTED)
                    .fields()
                    .forEachRemaining(e -> m.put(e.getKey(), e.getValue().asDouble())));
    return m;
  }
}
