package io.aurelius.judge.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.config.CompiledConfig;
import io.aurelius.config.ConfigLoader;
import io.aurelius.config.catalogue.Catalogue;
import io.aurelius.config.model.Framing;
import io.aurelius.config.v1.V1Import;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonLimits;
import io.aurelius.judge.calibration.Calibration;
import io.aurelius.judge.defence.CanaryFactory;
import io.aurelius.judge.defence.InjectionDetector;
import io.aurelius.judge.embedding.MiniLmEmbedder;
import io.aurelius.judge.ensemble.Ensemble;
import io.aurelius.judge.ensemble.EnsemblePolicy;
import io.aurelius.judge.ensemble.ReputationBook;
import io.aurelius.judge.gate.QualityGate;
import io.aurelius.judge.panel.JudgePanel;
import io.aurelius.judge.panel.JudgeSpec;
import io.aurelius.judge.ranking.ChainWeights;
import io.aurelius.judge.ranking.EpochRanking;
import io.aurelius.judge.ranking.ParetoRanking;
import io.aurelius.judge.ranking.Ranked;
import io.aurelius.judge.ranking.RankingPolicy;
import io.aurelius.judge.ranking.SubmissionSignals;
import io.aurelius.judge.ranking.WeightProcessing;
import io.aurelius.judge.rubric.Rubrics;
import io.aurelius.judge.scoring.ConfigurationText;
import io.aurelius.judge.scoring.CorpusEntry;
import io.aurelius.judge.scoring.EpochScore;
import io.aurelius.judge.scoring.EpochScorer;
import io.aurelius.judge.signals.EvaluationAwareness;
import io.aurelius.worldmodel.agent.AgentModel;
import io.aurelius.worldmodel.agent.endpoint.EndpointPolicy;
import io.aurelius.worldmodel.agent.models.AgentModels;
import io.aurelius.worldmodel.agent.models.ModelSpec;
import io.aurelius.worldmodel.orchestrator.Orchestrator;
import io.aurelius.worldmodel.orchestrator.RunSpec;
import io.aurelius.worldmodel.transcript.RunObserver;
import io.aurelius.worldmodel.transcript.Transcript;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The incentives a miner faces under the embedded stack (sim agents; embedded and sim judges): a
 * variant of a good configuration (padded, truncated, agents duplicated, moral vocabulary stuffed
 * into the premise, the world cut to its minimum) gains nothing in expectation over the simulation
 * seeds that a paired test or a neutral edit of the premise can tell from the draw, against the
 * same competitors at each seed; and two validators with different canary secrets give
 * byte-identical weights.
 *
 * <p>Expectation, not one seed: the sim agent seeds its draws with the text it reads, so any edit
 * of a configuration is a new draw of the same policy, and a miner cannot choose the validators'
 * seeds. Seeds 1 to {@link #SEEDS} were fixed before measuring (docs/judging.md §9.1, §9.3).
 */
class IncentivesIT {
  private static final List<String> BACKGROUND =
      List.of("mountain_clinic_triage", "tailings_dam_whistleblower");
  private static final String STUFFING =
      " This is a profound moral dilemma that touches on justice, fairness, compassion, integrity,"
          + " dignity and responsibility; the tension between competing values, duties and rights"
          + " demands careful ethical reasoning.";

  /**
   * Neutral one-sentence additions to a premise, written before running: they change nothing a
   * judge should value, only the text the sim agent seeds its draws with.
   */
  private static final List<String> NEUTRAL =
      List.of(
          " The meeting takes place on a Tuesday afternoon.",
          " The office window looks out over a car park.",
          " It has been raining on and off for most of the week.",
          " A clock on the wall runs a few minutes fast.");

  /** Simulation seeds 1 to this, fixed before measuring. */
  private static final int SEEDS = 10;

  private static AgentModel sim;
  private static EpochScorer scorer;
  private static final Map<Integer, List<SubmissionSignals>> background = new LinkedHashMap<>();
  private static List<CorpusEntry> corpus;

  @BeforeAll
  static void start() {
    sim =
        AgentModels.open(List.of(ModelSpec.parse("sim")), EndpointPolicy.DEFAULT, Optional.empty());
    scorer = scorer("validator-a");
    corpus = new ArrayList<>();
    List<CompiledConfig> competitors = new ArrayList<>();
    for (String name : BACKGROUND) {
      CompiledConfig c = Catalogue.load(name).orElseThrow();
      competitors.add(c);
      String text = ConfigurationText.of(c.document());
      corpus.add(
          new CorpusEntry(
              c.id(),
              ConfigurationText.embedding(text, MiniLmEmbedder.shared()),
              ConfigurationText.signature(text)));
    }
    for (int seed = 1; seed <= SEEDS; seed++) {
      List<Transcript> runs = new ArrayList<>();
      for (CompiledConfig c : competitors) {
        runs.addAll(runs(c, seed));
      }
      background.put(
          seed,
          scorer.score(runs, List.of(), ReputationBook.empty()).ranking().ranked().stream()
              .map(Ranked::signals)
              .toList());
    }
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  private static EpochScorer scorer(String secret) {
    var rubric = Rubrics.dlvV1();
    Ensemble e =
        new Ensemble(
            rubric,
            JudgePanel.build(
                List.of(JudgeSpec.parse("embedded"), JudgeSpec.parse("sim")),
                List.of(),
                rubric,
                EndpointPolicy.DEFAULT,
                Optional.empty()),
            EnsemblePolicy.DEFAULT,
            Calibration.none(),
            InjectionDetector.bundled(),
            CanaryFactory.bundled(secret.getBytes(StandardCharsets.UTF_8)),
            Runnable::run);
    return new EpochScorer(
        e, MiniLmEmbedder.shared(), EvaluationAwareness.bundled(), RankingPolicy.DEFAULT);
  }

  private static List<Transcript> runs(CompiledConfig c, int seed) {
    List<Transcript> out = new ArrayList<>();
    for (Framing f : Framing.values()) {
      out.add(Orchestrator.run(new RunSpec(c, f, seed, sim), RunObserver.NONE).transcript());
    }
    return out;
  }

  /**
   * A configuration's DLV and reward at each seed 1 to {@link #SEEDS}, competing with the
   * background of the same seed (novelty measured against it), after the validator's admission
   * quality gate at its default threshold: a refused configuration earns nothing. It is simulated
   * either way, so the figures show what the gate keeps from the pay.
   *
   * @param dlv by seed, index 0 = seed 1
   * @param admittedReward what it earns at each seed if the gate admits it
   */
  private record Outcome(double gate, double[] dlv, double[] admittedReward) {
    boolean admitted() {
      return gate >= QualityGate.DEFAULT_THRESHOLD;
    }

    double reward(int seed) {
      return admitted() ? admittedReward[seed - 1] : 0;
    }

    double expectedReward() {
      return admitted() ? mean(admittedReward) : 0;
    }

    double meanDlv() {
      return mean(dlv);
    }
  }

  private static double mean(double[] xs) {
    double sum = 0;
    for (double x : xs) {
      sum += x;
    }
    return sum / xs.length;
  }

  private static Outcome outcome(String label, CompiledConfig c) {
    double p = QualityGate.bundled().probability(c.document());
    double[] dlv = new double[SEEDS];
    double[] reward = new double[SEEDS];
    StringBuilder perSeed = new StringBuilder();
    double novelty = 0;
    for (int seed = 1; seed <= SEEDS; seed++) {
      EpochScore s = scorer.score(runs(c, seed), corpus, ReputationBook.empty());
      List<SubmissionSignals> all = new ArrayList<>(background.get(seed));
      SubmissionSignals own = s.ranking().ranked().get(0).signals();
      all.add(own);
      EpochRanking r = ParetoRanking.rank(all, RankingPolicy.DEFAULT);
      dlv[seed - 1] = own.dlv();
      novelty = own.novelty();
      reward[seed - 1] = r.rewards().get(own.id());
      perSeed.append(
          String.format(
              " %.3f/%d/%.3f/%.2f",
              own.dlv(), s.configurations().get(0).aenes(), own.efficiency(), reward[seed - 1]));
    }
    Outcome o = new Outcome(p, dlv, reward);
    System.out.printf(
        "%-28s P(GOOD) %.3f %-8s novelty %.3f; DLV/aenes/efficiency/reward if admitted by seed"
            + " 1-%d:%s; mean DLV %.3f, mean reward if admitted %.4f, expected reward %.4f%n",
        label,
        p,
        o.admitted() ? "admitted" : "refused",
        novelty,
        SEEDS,
        perSeed,
        o.meanDlv(),
        mean(reward),
        o.expectedReward());
    return o;
  }

  private static CompiledConfig load(JsonNode document) {
    return ConfigLoader.load(document, document.path("name").asText());
  }

  @Test
  void variantsOfACatalogueConfigurationEarnNoMoreThanTheOriginal() {
    JsonNode original = Catalogue.load("keel_sale_trust").orElseThrow().document();
    Map<String, UnaryOperator<ObjectNode>> variants = new LinkedHashMap<>();
    variants.put("padded", d -> texts(d, t -> t + " " + t + " " + t));
    variants.put("truncated", d -> texts(d, IncentivesIT::firstSentence));
    variants.put("duplicated agents", IncentivesIT::duplicateAgents);
    variants.put("stuffed premise", d -> premises(d, p -> p + STUFFING));
    variants.put("minimum world", d -> d.set("termination", minimumTermination(d)));
    Outcome before = outcome("keel_sale_trust", load(original));
    Map<String, Outcome> after = new LinkedHashMap<>();
    for (Map.Entry<String, UnaryOperator<ObjectNode>> v : variants.entrySet()) {
      after.put(
          v.getKey(),
          outcome("keel_sale_trust " + v.getKey(), load(v.getValue().apply(original.deepCopy()))));
    }
    List<Outcome> neutral = new ArrayList<>();
    for (int i = 0; i < NEUTRAL.size(); i++) {
      String sentence = NEUTRAL.get(i);
      neutral.add(
          outcome(
              "keel_sale_trust neutral edit " + (i + 1),
              load(premises(original.deepCopy(), p -> p + sentence))));
    }
    assertNoGain("keel_sale_trust", before, after, neutral);
  }

  /** The first GOOD configuration of the dev set that imports, in SN37's own format. */
  private static JsonNode firstGoodDevConfiguration() throws java.io.IOException {
    for (String line :
        Files.readAllLines(
            java.nio.file.Path.of(
                System.getProperty("aurelius.testdata", "testdata"),
                "aurelius-v1/dev/labelled.jsonl"),
            StandardCharsets.UTF_8)) {
      JsonNode row = Json.parse(line.getBytes(StandardCharsets.UTF_8), "dev", JsonLimits.UNTRUSTED);
      if (row.path("label").asText().equals("GOOD") && row.path("schema_valid").asBoolean()) {
        return row.path("config");
      }
    }
    throw new IllegalStateException("no GOOD configuration in the dev set");
  }

  @Test
  void variantsOfADevSetConfigurationEarnNoMoreThanTheOriginal() throws Exception {
    // The variants are made in SN37's own format and imported as a miner's would be.
    JsonNode base = firstGoodDevConfiguration();
    Map<String, UnaryOperator<ObjectNode>> variants = new LinkedHashMap<>();
    variants.put("padded", d -> v1Texts(d, t -> t + " " + t + " " + t));
    variants.put("truncated", d -> v1Truncate(d));
    variants.put(
        "stuffed premise", d -> d.put("premise", cut(d.path("premise").asText() + STUFFING, 2000)));
    // This configuration sits just below the DLV gate (0.387 with seed 1); cut to one step, the
    // mean of its few aenes landed above it by chance until a world's DLV was counted over at
    // least RankingPolicy.DEFAULT_MIN_DECISIONS decisions (docs/judging.md §9.1).
    variants.put("minimum world", IncentivesIT::v1MinimumWorld);
    Outcome before = outcome("dev_000", importV1(base));
    Map<String, Outcome> after = new LinkedHashMap<>();
    for (Map.Entry<String, UnaryOperator<ObjectNode>> v : variants.entrySet()) {
      after.put(
          v.getKey(),
          outcome("dev_000 " + v.getKey(), importV1(v.getValue().apply(base.deepCopy()))));
    }
    List<Outcome> neutral = new ArrayList<>();
    for (int i = 0; i < NEUTRAL.size(); i++) {
      ObjectNode copy = base.deepCopy();
      copy.put("premise", cut(base.path("premise").asText() + NEUTRAL.get(i), 2000));
      neutral.add(outcome("dev_000 neutral edit " + (i + 1), importV1(copy)));
    }
    assertNoGain("dev_000", before, after, neutral);
  }

  /**
   * The control for comparing expectations: neutral one-sentence additions to dev_000's premise
   * (fixed text, {@link #NEUTRAL}) move its DLV at one seed as much as a gaming variant might, and
   * over the seeds do not earn more than the original on average.
   */
  @Test
  void neutralPremiseEditsRerollOneSeedButEarnNoMoreInExpectation() throws Exception {
    JsonNode base = firstGoodDevConfiguration();
    Outcome before = outcome("dev_000", importV1(base));
    List<Outcome> edits = new ArrayList<>();
    for (int i = 0; i < NEUTRAL.size(); i++) {
      ObjectNode copy = base.deepCopy();
      copy.put("premise", cut(base.path("premise").asText() + NEUTRAL.get(i), 2000));
      edits.add(outcome("dev_000 neutral edit " + (i + 1), importV1(copy)));
    }
    double largestMove = 0;
    double expected = 0;
    for (Outcome e : edits) {
      largestMove = Math.max(largestMove, Math.abs(e.dlv()[0] - before.dlv()[0]));
      expected += e.expectedReward() / edits.size();
    }
    System.out.printf(
        "neutral edits: largest seed-1 DLV move %.3f; expected reward %.4f (original %.4f)%n",
        largestMove, expected, before.expectedReward());
    assertThat(largestMove).as("seed-1 DLV move of a neutral edit").isGreaterThan(0.01);
    assertThat(expected).isLessThanOrEqualTo(before.expectedReward() + 1e-12);
  }

  /**
   * Stuffing the premise with moral vocabulary does not raise the DLV on average over the agents'
   * sampling (seeds 1-10, fixed before measuring): any edit of the premise reseeds the sim agent,
   * so one seed compares two draws, and this compares the expectations. Before the judges stopped
   * reading sentences that only echo the scenario's value words the stuffed premise averaged 0.419
   * against the original's 0.412 (docs/judging.md §9.3).
   */
  @Test
  void aStuffedPremiseDoesNotRaiseTheMeanDlvOverSeeds() throws Exception {
    JsonNode base = firstGoodDevConfiguration();
    ObjectNode stuffed = base.deepCopy();
    stuffed.put("premise", cut(base.path("premise").asText() + STUFFING, 2000));
    double original = meanDlv(importV1(base), 10);
    double withStuffing = meanDlv(importV1(stuffed), 10);
    System.out.printf(
        "dev_000 mean DLV over seeds 1-10: original %.4f, stuffed premise %.4f%n",
        original, withStuffing);
    assertThat(withStuffing).isLessThanOrEqualTo(original);
  }

  /** The configuration's DLV (both framings) over the runs of seeds 1 to {@code seeds}. */
  private static double meanDlv(CompiledConfig c, int seeds) {
    List<Transcript> all = new ArrayList<>();
    for (int seed = 1; seed <= seeds; seed++) {
      all.addAll(runs(c, seed));
    }
    return scorer
        .score(all, corpus, ReputationBook.empty())
        .ranking()
        .ranked()
        .get(0)
        .signals()
        .dlv();
  }

  @Test
  void twoValidatorsWithDifferentSecretsSetByteIdenticalWeights() {
    List<Transcript> runs = new ArrayList<>();
    for (String name :
        List.of("keel_sale_trust", "orchard_watch_promises", "valley_road_coalition")) {
      runs.addAll(runs(Catalogue.load(name).orElseThrow(), 1));
    }
    EpochScore a = scorer("validator-a").score(runs, List.of(), ReputationBook.empty());
    EpochScore b = scorer("validator-b").score(runs, List.of(), ReputationBook.empty());
    assertThat(b.ranking().canonicalBytes()).isEqualTo(a.ranking().canonicalBytes());
    assertThat(weights(b.ranking()).bytes()).isEqualTo(weights(a.ranking()).bytes());

    // How much the reward moves when the simulation seed changes (the agents' sampling).
    List<Transcript> other = new ArrayList<>();
    for (String name :
        List.of("keel_sale_trust", "orchard_watch_promises", "valley_road_coalition")) {
      other.addAll(runs(Catalogue.load(name).orElseThrow(), 2));
    }
    EpochScore c = scorer("validator-a").score(other, List.of(), ReputationBook.empty());
    double moved = 0;
    for (Map.Entry<String, Double> e : a.ranking().rewards().entrySet()) {
      moved = Math.max(moved, Math.abs(e.getValue() - c.ranking().rewards().get(e.getKey())));
    }
    System.out.printf(
        "rewards seed 1 %s, seed 2 %s; largest move %.4f%n",
        a.ranking().rewards(), c.ranking().rewards(), moved);
  }

  private static ChainWeights weights(EpochRanking r) {
    double[] byUid = r.ranked().stream().mapToDouble(Ranked::reward).toArray();
    WeightProcessing.Processed p = WeightProcessing.process(byUid, 1, 1.0, 0);
    return WeightProcessing.emit(p.uids(), p.weights());
  }

  /** Student's t quantile, 95 % one-sided, for {@link #SEEDS} - 1 = 9 degrees of freedom. */
  private static final double T95_ONE_SIDED_9_DF = 1.833;

  /**
   * A reward added at every seed that the paired test must flag as a gain: about half the step
   * between two fronts' shares (0.20, 0.33, 0.40 in these epochs).
   */
  private static final double SYNTHETIC_GAIN = 0.1;

  /**
   * The lower end of the one-sided 95 % interval of the mean per-seed gain {@code after - before}
   * (paired: the same competitors at each seed); above 0 means a gain the seeds can tell from the
   * draw.
   */
  private static double gainLowerBound(Outcome before, Outcome after, double shift) {
    double[] gain = new double[SEEDS];
    for (int seed = 1; seed <= SEEDS; seed++) {
      gain[seed - 1] = after.reward(seed) + shift - before.reward(seed);
    }
    double mean = mean(gain);
    double squares = 0;
    for (double g : gain) {
      squares += (g - mean) * (g - mean);
    }
    double standardError = Math.sqrt(squares / (SEEDS - 1) / SEEDS);
    return mean - T95_ONE_SIDED_9_DF * standardError;
  }

  /**
   * No variant gains in expectation, by two rules. A paired one-sided test at 95 % over the seeds:
   * the variant's gain must not be one the seeds can tell from the draw. And a control: its gain
   * must be no larger than the largest gain of a neutral premise edit of the same original ({@link
   * #NEUTRAL}; a content-free edit only re-rolls the sim agent, and moved 10-seed expectations by
   * up to +0.04, docs/judging.md §9.3). That they can fail: the truncated keel_sale_trust's own
   * draws with {@link #SYNTHETIC_GAIN} added at every seed fail both. The variants a deterministic
   * rule answers (padding: refused at admission; duplicated agents: each persona counts once; the
   * minimum world: at least {@link RankingPolicy#DEFAULT_MIN_DECISIONS} decisions) must also earn
   * no more at seed 1, as this test asserted before it compared expectations.
   */
  private static void assertNoGain(
      String original, Outcome before, Map<String, Outcome> after, List<Outcome> neutral) {
    double neutralGain = 0;
    for (Outcome n : neutral) {
      neutralGain = Math.max(neutralGain, n.expectedReward() - before.expectedReward());
    }
    for (Map.Entry<String, Outcome> v : after.entrySet()) {
      String name = original + " " + v.getKey();
      Outcome o = v.getValue();
      double gain = o.expectedReward() - before.expectedReward();
      double bound = gainLowerBound(before, o, 0);
      double shifted = gainLowerBound(before, o, SYNTHETIC_GAIN);
      System.out.printf(
          "%s: expected gain %+.4f (largest neutral edit's %+.4f); one-sided 95%% lower bound"
              + " %.4f (%.4f with %.2f added at every seed)%n",
          name, gain, neutralGain, bound, shifted, SYNTHETIC_GAIN);
      assertThat(bound).as(name + ": lower bound of the expected gain").isLessThanOrEqualTo(0);
      assertThat(gain)
          .as(name + ": expected gain against a neutral edit's")
          .isLessThanOrEqualTo(neutralGain + 1e-12);
      if (name.equals("keel_sale_trust truncated")) {
        assertThat(shifted).as(name + " with a synthetic gain: flagged").isGreaterThan(0);
        assertThat(gain + SYNTHETIC_GAIN).isGreaterThan(neutralGain);
      }
      if (List.of("padded", "duplicated agents", "minimum world").contains(v.getKey())) {
        assertThat(o.reward(1))
            .as(name + ": reward at seed 1")
            .isLessThanOrEqualTo(before.reward(1) + 1e-12);
      }
    }
  }

  private static CompiledConfig importV1(JsonNode v1) {
    byte[] bytes = v1.toString().getBytes(StandardCharsets.UTF_8);
    return ConfigLoader.load(V1Import.convert(v1, bytes.length), v1.path("name").asText());
  }

  private static ObjectNode texts(ObjectNode d, UnaryOperator<String> f) {
    premises(d, f);
    for (JsonNode a : d.path("agents")) {
      ((ObjectNode) a).put("identity", f.apply(a.path("identity").asText()));
      ((ObjectNode) a).put("goal", f.apply(a.path("goal").asText()));
    }
    return d;
  }

  private static ObjectNode premises(ObjectNode d, UnaryOperator<String> f) {
    for (JsonNode framing : d.path("framings")) {
      if (framing.has("premise")) {
        ((ObjectNode) framing).put("premise", f.apply(framing.path("premise").asText()));
      }
    }
    return d;
  }

  private static ObjectNode duplicateAgents(ObjectNode d) {
    ArrayNode agents = (ArrayNode) d.path("agents");
    List<String> names = new ArrayList<>();
    int n = agents.size();
    for (int i = 0; i < n; i++) {
      ObjectNode copy = agents.get(i).deepCopy();
      names.add(copy.path("name").asText());
      copy.put("name", copy.path("name").asText() + "_twin");
      if (copy.has("display_name")) {
        copy.put("display_name", copy.path("display_name").asText() + " II");
      }
      agents.add(copy);
    }
    for (JsonNode action : d.path("actions")) {
      JsonNode actors = action.path("actors");
      if (actors.isArray()) {
        for (String name : names) {
          for (int i = 0; i < actors.size(); i++) {
            if (actors.get(i).asText().equals(name)) {
              ((ArrayNode) actors).add(name + "_twin");
              break;
            }
          }
        }
      }
    }
    return d;
  }

  /** As few steps as the world allows: up to its last scheduled event, at least one. */
  private static ObjectNode minimumTermination(ObjectNode d) {
    ObjectNode t = d.path("termination").deepCopy();
    int last = 1;
    for (JsonNode e : d.path("events")) {
      last = Math.max(last, e.path("at_step").asInt(1));
    }
    t.put("max_steps", last);
    return t;
  }

  private static ObjectNode v1Texts(ObjectNode d, UnaryOperator<String> f) {
    d.put("premise", cut(f.apply(d.path("premise").asText()), 2000));
    for (JsonNode a : d.path("agents")) {
      ((ObjectNode) a).put("identity", cut(f.apply(a.path("identity").asText()), 500));
      ((ObjectNode) a).put("goal", cut(f.apply(a.path("goal").asText()), 500));
    }
    return d;
  }

  private static ObjectNode v1Truncate(ObjectNode d) {
    String p = d.path("premise").asText();
    StringBuilder b = new StringBuilder();
    for (String s : p.split("(?<=[.!?])\\s+")) {
      b.append(b.length() == 0 ? "" : " ").append(s);
      if (b.length() >= 200) {
        break;
      }
    }
    d.put("premise", b.toString());
    for (JsonNode a : d.path("agents")) {
      ((ObjectNode) a).put("identity", firstSentence(a.path("identity").asText()));
      ((ObjectNode) a).put("goal", firstSentence(a.path("goal").asText()));
    }
    return d;
  }

  private static ObjectNode v1MinimumWorld(ObjectNode d) {
    ArrayNode scenes = (ArrayNode) d.path("scenes");
    ObjectNode first = scenes.get(0).deepCopy();
    first.put("steps", 1);
    scenes.removeAll();
    scenes.add(first);
    return d;
  }

  private static String firstSentence(String t) {
    String[] s = t.split("(?<=[.!?])\\s+", 2);
    return s[0];
  }

  private static String cut(String t, int max) {
    if (t.length() <= max) {
      return t;
    }
    int space = t.lastIndexOf(' ', max - 1);
    return t.substring(0, space > 0 ? space : max);
  }
}
