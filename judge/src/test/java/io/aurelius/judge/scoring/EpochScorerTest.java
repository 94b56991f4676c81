package io.aurelius.judge.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.config.CompiledConfig;
import io.aurelius.config.ConfigLoader;
import io.aurelius.config.catalogue.Catalogue;
import io.aurelius.config.model.Framing;
import io.aurelius.judge.calibration.Calibration;
import io.aurelius.judge.defence.CanaryFactory;
import io.aurelius.judge.defence.InjectionDetector;
import io.aurelius.judge.embedding.MiniLmEmbedder;
import io.aurelius.judge.ensemble.AeneVerdict;
import io.aurelius.judge.ensemble.Ensemble;
import io.aurelius.judge.ensemble.EnsemblePolicy;
import io.aurelius.judge.ensemble.ReputationBook;
import io.aurelius.judge.ranking.RankingPolicy;
import io.aurelius.judge.rubric.Rubrics;
import io.aurelius.judge.signals.EvaluationAwareness;
import io.aurelius.judge.sim.SimJudge;
import io.aurelius.worldmodel.agent.AgentModel;
import io.aurelius.worldmodel.agent.endpoint.EndpointPolicy;
import io.aurelius.worldmodel.agent.models.AgentModels;
import io.aurelius.worldmodel.agent.models.ModelSpec;
import io.aurelius.worldmodel.orchestrator.Orchestrator;
import io.aurelius.worldmodel.orchestrator.RunSpec;
import io.aurelius.worldmodel.transcript.Aene;
import io.aurelius.worldmodel.transcript.RunObserver;
import io.aurelius.worldmodel.transcript.Transcript;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EpochScorerTest {
  private static AgentModel sim;
  private static List<Transcript> keel;
  private static List<Transcript> orchard;

  @BeforeAll
  static void run() {
    sim =
        AgentModels.open(List.of(ModelSpec.parse("sim")), EndpointPolicy.DEFAULT, Optional.empty());
    keel = runs("keel_sale_trust");
    orchard = runs("orchard_watch_promises");
  }

  @AfterAll
  static void close() {
    sim.close();
  }

  static List<Transcript> runs(String name) {
    return runs(name, 3);
  }

  static List<Transcript> runs(String name, int seed) {
    List<Transcript> out = new ArrayList<>();
    for (Framing f : Framing.values()) {
      out.add(
          Orchestrator.run(
                  new RunSpec(Catalogue.load(name).orElseThrow(), f, seed, sim), RunObserver.NONE)
              .transcript());
    }
    return out;
  }

  private static List<Transcript> firstSteps(List<Transcript> runs, int steps) {
    return runs.stream()
        .map(t -> new Transcript(t.runId(), t.header(), t.steps().subList(0, steps), t.end()))
        .toList();
  }

  static EpochScorer scorer() {
    Ensemble e =
        new Ensemble(
            Rubrics.dlvV1(),
            List.of(SimJudge.create(Rubrics.dlvV1())),
            EnsemblePolicy.DEFAULT,
            Calibration.none(),
            InjectionDetector.bundled(),
            CanaryFactory.bundled("e".getBytes(StandardCharsets.UTF_8)),
            Runnable::run);
    return new EpochScorer(
        e, MiniLmEmbedder.shared(), EvaluationAwareness.bundled(), RankingPolicy.DEFAULT);
  }

  @Test
  void aConfigurationsScoresFollowFromItsAenesAndRuns() {
    List<Transcript> all = new ArrayList<>(keel);
    all.addAll(orchard);
    EpochScore epoch = scorer().score(all, List.of(), ReputationBook.empty());
    assertThat(epoch.configurations()).hasSize(2);
    for (ConfigurationScore c : epoch.configurations()) {
      List<Transcript> runs = c.name().equals("keel_sale_trust") ? keel : orchard;
      List<Aene> aenes = runs.stream().flatMap(t -> t.aenes().stream()).toList();
      assertThat(c.aenes()).isEqualTo(aenes.size());
      assertThat(c.runs()).isEqualTo(2);
      assertThat(c.sim()).isTrue();
      double sum = 0;
      double signal = 0;
      for (int i = 0; i < c.aenes(); i++) {
        AeneVerdict v = c.verdict().aenes().get(i);
        assertThat(v.aeneId()).isEqualTo(c.aeneRecords().get(i).id().hex());
        sum += v.dlv();
        signal += Math.max(0, v.dlv() - RankingPolicy.DEFAULT.dlvThreshold());
      }
      assertThat(c.aenes()).isGreaterThanOrEqualTo(RankingPolicy.DEFAULT_MIN_DECISIONS);
      assertThat(c.dlv()).isCloseTo(sum / c.aenes(), offset(1e-12));
      assertThat(c.dlvSignal()).isCloseTo(signal, offset(1e-9));
      long tokens =
          runs.stream()
              .mapToLong(
                  t ->
                      t.end().orElseThrow().totals().tokensIn()
                          + t.end().orElseThrow().totals().tokensOut())
              .sum();
      assertThat(c.worldModelTokens() + c.agentTokens()).isEqualTo(tokens);
      assertThat(c.efficiency()).isCloseTo(signal / (tokens / 1000.0), offset(1e-9));
      assertThat(c.immersion().immersion()).isBetween(0.0, 1.0);
      assertThat(c.verdict().canariesHeld()).isTrue();
    }
    // orchard came second: its novelty is measured against keel, keel's against nothing.
    ConfigurationScore first =
        epoch.configurations().stream()
            .filter(c -> c.name().equals("keel_sale_trust"))
            .findFirst()
            .orElseThrow();
    assertThat(first.novelty().nearestEpoch()).isZero();
    assertThat(epoch.ranking().ranked()).hasSize(2);
  }

  @Test
  void theSameRunTwiceIsJudgedOnceAndAnEmptyRunScoresZero() {
    List<Transcript> twice = new ArrayList<>(keel);
    twice.addAll(keel);
    EpochScore epoch = scorer().score(twice, List.of(), ReputationBook.empty());
    assertThat(epoch.configurations()).hasSize(1);
    assertThat(epoch.skipped()).isNotEmpty().allMatch(s -> s.contains("appears twice"));
    int unique = (int) keel.stream().flatMap(t -> t.aenes().stream()).count();
    assertThat(epoch.configurations().get(0).aenes()).isEqualTo(unique);

    Transcript t = orchard.get(0);
    Transcript empty = new Transcript(t.runId(), t.header(), List.of(), Optional.empty());
    EpochScore e2 = scorer().score(List.of(empty), List.of(), ReputationBook.empty());
    ConfigurationScore c = e2.configurations().get(0);
    assertThat(c.aenes()).isZero();
    assertThat(c.dlv()).isZero();
    assertThat(c.notes())
        .anyMatch(n -> n.contains("no immersive aenes") || n.contains("no control run"));
    assertThat(e2.ranking().front()).isEmpty();
  }

  @Test
  void aWorldWithFewerDecisionsThanTheMinimumCountsTheMissingOnesAsZero() {
    // keel cut to its first step in each framing: a handful of decisions.
    List<Transcript> cut = firstSteps(keel, 1);
    ConfigurationScore c =
        scorer().score(cut, List.of(), ReputationBook.empty()).configurations().get(0);
    assertThat(c.aenes()).isPositive().isLessThan(RankingPolicy.DEFAULT_MIN_DECISIONS);
    double sum = c.verdict().aenes().stream().mapToDouble(AeneVerdict::dlv).sum();
    assertThat(sum).isPositive();
    assertThat(c.dlv()).isCloseTo(sum / RankingPolicy.DEFAULT_MIN_DECISIONS, offset(1e-12));
    assertThat(c.dlv()).isLessThan(sum / c.aenes());
    assertThat(c.notes())
        .anyMatch(n -> n.contains("fewer than " + RankingPolicy.DEFAULT_MIN_DECISIONS));
  }

  @Test
  void theMinimumIsPerSeedSoMoreSeedsDoNotMakeASmallWorldBig() {
    // orchard (three agents) cut to one step, run with two seeds: as many aenes as the minimum in
    // all, fewer per seed.
    List<Transcript> cut = new ArrayList<>(firstSteps(orchard, 1));
    cut.addAll(firstSteps(runs("orchard_watch_promises", 4), 1));
    ConfigurationScore c =
        scorer().score(cut, List.of(), ReputationBook.empty()).configurations().get(0);
    assertThat(c.aenes())
        .isBetween(
            RankingPolicy.DEFAULT_MIN_DECISIONS, 2 * RankingPolicy.DEFAULT_MIN_DECISIONS - 1);
    double sum = c.verdict().aenes().stream().mapToDouble(AeneVerdict::dlv).sum();
    assertThat(c.dlv()).isCloseTo(sum / (2 * RankingPolicy.DEFAULT_MIN_DECISIONS), offset(1e-12));
    assertThat(c.notes()).anyMatch(n -> n.contains("over 2 seed(s)"));
  }

  @Test
  void aPersonaWrittenInTwiceCountsItsDecisionsOnceTowardTheMinimum() {
    // keel with every agent written in twice, cut to its first step: twice the aenes of one world.
    ObjectNode doc = Catalogue.load("keel_sale_trust").orElseThrow().document().deepCopy();
    ArrayNode agents = (ArrayNode) doc.path("agents");
    List<String> names = new ArrayList<>();
    for (int i = 0, n = agents.size(); i < n; i++) {
      ObjectNode twin = agents.get(i).deepCopy();
      names.add(twin.path("name").asText());
      twin.put("name", twin.path("name").asText() + "_twin");
      agents.add(twin);
    }
    for (JsonNode action : doc.path("actions")) {
      if (action.path("actors").isArray()) {
        ArrayNode actors = (ArrayNode) action.path("actors");
        List<String> listed = new ArrayList<>();
        actors.forEach(a -> listed.add(a.asText()));
        names.stream().filter(listed::contains).forEach(name -> actors.add(name + "_twin"));
      }
    }
    CompiledConfig twins = ConfigLoader.load(doc, "keel_sale_trust");
    List<Transcript> runs = new ArrayList<>();
    for (Framing f : Framing.values()) {
      runs.add(Orchestrator.run(new RunSpec(twins, f, 3, sim), RunObserver.NONE).transcript());
    }
    ConfigurationScore c =
        scorer()
            .score(firstSteps(runs, 1), List.of(), ReputationBook.empty())
            .configurations()
            .get(0);
    double sum = c.verdict().aenes().stream().mapToDouble(AeneVerdict::dlv).sum();
    assertThat(c.aenes() / 2).isPositive().isLessThan(RankingPolicy.DEFAULT_MIN_DECISIONS);
    // Its mean over the aenes, scaled by the share of the minimum its personas decided.
    assertThat(c.dlv())
        .isCloseTo(
            sum / c.aenes() * (c.aenes() / 2.0) / RankingPolicy.DEFAULT_MIN_DECISIONS,
            offset(1e-12));
    assertThat(c.notes()).anyMatch(n -> n.contains("persona decisions over 1 seed(s)"));
  }

  @Test
  void aMinimumOfZeroGivesTheSmallWorldItsPlainMeanAsBeforeTheRule() {
    List<Transcript> cut = firstSteps(keel, 1);
    EpochScorer off = scorer().withPolicy(RankingPolicy.DEFAULT.withMinDecisions(0));
    ConfigurationScore c =
        off.score(cut, List.of(), ReputationBook.empty()).configurations().get(0);
    double sum = c.verdict().aenes().stream().mapToDouble(AeneVerdict::dlv).sum();
    assertThat(c.aenes()).isPositive().isLessThan(RankingPolicy.DEFAULT_MIN_DECISIONS);
    assertThat(c.dlv()).isCloseTo(sum / c.aenes(), offset(1e-12));
    assertThat(c.notes()).noneMatch(n -> n.contains("fewer than"));
    // The setting is part of what validators compare.
    assertThat(
            new String(
                off.score(cut, List.of(), ReputationBook.empty()).ranking().canonicalBytes(),
                StandardCharsets.UTF_8))
        .contains("\"min_decisions\":0");
  }

  @Test
  void rankingASubsetOfOneJudgingIsScoringThatSubsetAlone() {
    // Admission changes novelty: a configuration refused never counts as an earlier submission.
    List<Transcript> both = new ArrayList<>(keel);
    both.addAll(orchard);
    EpochScorer s = scorer();
    JudgedEpoch judged = s.judge(both, List.of(), ReputationBook.empty());
    var orchardId = orchard.get(0).header().configId();
    EpochScore subset = s.rank(judged, orchardId::equals);
    EpochScore alone = s.score(orchard, List.of(), ReputationBook.empty());
    assertThat(subset.configurations()).hasSize(1);
    ConfigurationScore a = subset.configurations().get(0);
    ConfigurationScore b = alone.configurations().get(0);
    assertThat(a.novelty().novelty()).isEqualTo(b.novelty().novelty());
    assertThat(a.dlv()).isEqualTo(b.dlv());
    assertThat(subset.ranking().canonicalBytes()).isEqualTo(alone.ranking().canonicalBytes());
  }
}
