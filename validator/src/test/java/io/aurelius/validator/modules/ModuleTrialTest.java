package io.aurelius.validator.modules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.config.ConfigDocuments;
import io.aurelius.config.ConfigLoader;
import io.aurelius.config.module.Module;
import io.aurelius.config.module.ModuleLimits;
import io.aurelius.config.module.ModuleSet;
import io.aurelius.config.module.Modules;
import io.aurelius.config.module.ShippedModules;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.hash.ContentId;
import io.aurelius.core.json.Json;
import io.aurelius.judge.api.JudgeSetup;
import io.aurelius.judge.api.Judges;
import io.aurelius.worldmodel.agent.AgentModel;
import io.aurelius.worldmodel.agent.endpoint.EndpointPolicy;
import io.aurelius.worldmodel.agent.models.AgentModels;
import io.aurelius.worldmodel.agent.models.ModelSpec;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A/B trials: paired measures with intervals, and the pass rule, on real runs with the sim model.
 */
class ModuleTrialTest {
  private static final BenchmarkSuite SUITE =
      BenchmarkSuite.catalogue(List.of("orchard_watch_promises"), List.of(1L, 2L, 3L));
  private static AgentModel sim;
  private static Judges judges;

  @BeforeAll
  static void open() {
    sim =
        AgentModels.open(List.of(ModelSpec.parse("sim")), EndpointPolicy.DEFAULT, Optional.empty());
    judges = Judges.open(JudgeSetup.defaults(List.of("sim"), 0.4));
  }

  @AfterAll
  static void close() throws Exception {
    sim.close();
    judges.close();
  }

  private static TrialReport trial(Module candidate) {
    return new ModuleTrial(sim, judges, new byte[32]).run(SUITE, ModuleSet.BASE, candidate);
  }

  @Test
  void intervalsFollowStudentsT() {
    Interval i = Interval.of(List.of(2.0, 3.0, 4.0));
    assertThat(i.mean()).isEqualTo(3.0);
    assertThat(i.low())
        .isCloseTo(3.0 - 4.303 / Math.sqrt(3), org.assertj.core.data.Offset.offset(1e-9));
    assertThat(i.above()).isTrue();
    assertThat(Interval.of(List.of(-1.0, 1.0)).above()).isFalse();
    Interval single = Interval.of(List.of(5.0));
    assertThat(single.above()).as("one pair decides nothing").isFalse();
    assertThat(single.below()).isFalse();
    assertThat(Interval.of(List.of(5.0, 5.0)).above()).as("two equal pairs, no spread").isTrue();
  }

  @Test
  void passRequiresAnImprovementAndNoSignificantHarm() {
    TrialRow better = new TrialRow(Metric.DLV, 0.5, 0.6, new Interval(0.1, 0.05, 0.15, 5));
    TrialRow same = new TrialRow(Metric.WALL_MS, 10, 11, new Interval(1, -2, 4, 5));
    TrialRow worse = new TrialRow(Metric.CEL_FAILURES, 0, 3, new Interval(3, 3, 3, 5));
    ContentId id = ContentId.of(new byte[] {1});
    var version = ModuleSet.BASE.version();
    assertThat(new TrialReport(id, version, 1, List.of(1L), List.of(better, same)).passed())
        .isTrue();
    TrialReport harmed = new TrialReport(id, version, 1, List.of(1L), List.of(better, worse));
    assertThat(harmed.passed()).isFalse();
    assertThat(harmed.reason()).isEqualTo("worse: cel_failures");
    assertThat(new TrialReport(id, version, 1, List.of(1L), List.of(same)).reason())
        .isEqualTo("no measure improves");
  }

  @Test
  void efficiencyIsWorseOnlyBeyondItsMarginOfTheCurrentMean() {
    ContentId id = ContentId.of(new byte[] {1});
    var version = ModuleSet.BASE.version();
    TrialRow better =
        new TrialRow(Metric.TOKENS_PER_SIGNAL, 1326, 1232, new Interval(-94, -171, -17, 24));
    // A slower candidate on a loaded machine: wholly on the worse side, but within 25% of 100 ms.
    TrialRow noisy = new TrialRow(Metric.WALL_MS, 100, 112, new Interval(12, 5, 20, 24));
    assertThat(noisy.difference().above()).as("worse without a margin").isTrue();
    assertThat(noisy.worsens()).isFalse();
    assertThat(noisy.verdict()).isEqualTo("within margin");
    assertThat(noisy.tolerance()).isEqualTo(25.0);
    TrialReport tolerated = new TrialReport(id, version, 8, List.of(1L), List.of(better, noisy));
    assertThat(tolerated.passed()).isTrue();
    assertThat(tolerated.reason()).isEqualTo("better: tokens_per_signal");
    assertThat(tolerated.table())
        .contains("margin")
        .containsPattern("wall_ms .* 25% +within margin")
        .containsPattern("tokens_per_signal .* 5% +better");

    TrialRow slower = new TrialRow(Metric.WALL_MS, 100, 140, new Interval(40, 30, 50, 24));
    assertThat(slower.worsens()).isTrue();
    TrialReport harmed = new TrialReport(id, version, 8, List.of(1L), List.of(better, slower));
    assertThat(harmed.passed()).isFalse();
    assertThat(harmed.reason()).isEqualTo("worse: wall_ms");

    // whisper on the catalogue: +7.8% tokens per signal, beyond the 5% margin.
    TrialRow costlier =
        new TrialRow(Metric.TOKENS_PER_SIGNAL, 1326, 1546, new Interval(220, 104, 336, 24));
    assertThat(costlier.worsens()).isTrue();
    // Quality has no margin: any significant loss of DLV counts.
    TrialRow lessDlv = new TrialRow(Metric.DLV, 0.43, 0.42, new Interval(-0.01, -0.02, -0.001, 24));
    assertThat(lessDlv.worsens()).isTrue();
    assertThat(Metric.DLV.margin()).isZero();
  }

  @Test
  void theCandidateReplacesAnImportOfItsOnlyOneKindButNotAPack() {
    Module recollect = ShippedModules.load("recollect", ModuleSet.BASE);
    ModuleSet current = ModuleSet.BASE.plus(recollect);
    ObjectNode doc = SUITE.configurations().get(0).deepCopy();
    doc.withArray("imports").addObject().put("module", recollect.id().hex());
    ObjectNode other =
        (ObjectNode)
            Json.parse(ShippedModules.bytes("recollect").orElseThrow(), "r", ModuleLimits.JSON);
    other.put("name", "recallmore").put("memory_window", 3);
    Module policy = Modules.validate(other, current).module().orElseThrow();
    assertThat(
            ModuleTrial.importing(doc, policy, current).path("imports").findValuesAsText("module"))
        .containsExactly(policy.id().hex());
    Module pack = ShippedModules.load("whisper", current);
    assertThat(ModuleTrial.importing(doc, pack, current).path("imports").findValuesAsText("module"))
        .containsExactly(recollect.id().hex(), pack.id().hex());
  }

  @Test
  void aSignedAcceptedConfigurationsCandidateArmLoads() {
    Module recollect = ShippedModules.load("recollect", ModuleSet.BASE);
    JsonNode signed =
        ConfigDocuments.sign(SUITE.configurations().get(0), Ed25519KeyPair.generate());
    assertThat(ConfigLoader.validate(signed, ModuleSet.BASE).valid()).isTrue();
    ObjectNode arm = ModuleTrial.importing(signed, recollect, ModuleSet.BASE);
    assertThat(arm.has(ConfigDocuments.SIGNATURE))
        .as("the author signed the configuration, not the variant that imports the candidate")
        .isFalse();
    assertThat(ConfigLoader.validate(arm, ModuleSet.BASE.plus(recollect)).valid()).isTrue();
  }

  @Test
  void aShippedPackIsMeasuredPairByPairAndReplays() {
    TrialReport r = trial(ShippedModules.load("promises", ModuleSet.BASE));
    assertThat(r.rows()).extracting(TrialRow::metric).containsExactly(Metric.values());
    TrialRow dlv = r.rows().get(0);
    assertThat(dlv.difference().n()).isEqualTo(3);
    assertThat(r.rows().get(Metric.SEED_SPREAD.ordinal()).difference().n()).isEqualTo(1);
    TrialRow replay = r.rows().get(Metric.REPLAY_MISMATCH.ordinal());
    assertThat(replay.current()).isZero();
    assertThat(replay.candidate()).isZero();
    assertThat(r.rows().get(Metric.CEL_FAILURES.ordinal()).candidate()).isZero();
    assertThat(r.table())
        .contains("dlv", "tokens_per_signal", "95% interval")
        .containsPattern("(PASS|FAIL) \\(");
  }

  @Test
  void aModuleWhoseMechanicsFailAtRunTimeIsWorseOnStability() {
    ObjectNode doc =
        (ObjectNode)
            Json.parse(ShippedModules.bytes("whisper").orElseThrow(), "whisper", ModuleLimits.JSON);
    doc.put("name", "brittle").put("title", "Brittle");
    String text =
        doc.toString()
            .replace("whisper_", "brittle_")
            .replace(
                "\"agent_state\":",
                "\"dynamics\":[{\"set\":\"self.brittle_sent\",\"to\":\"self.brittle_sent / "
                    + "(self.brittle_sent - self.brittle_sent)\",\"for_each_agent\":true}],"
                    + "\"agent_state\":");
    Module brittle =
        Modules.validate(Json.parse(text, "brittle", ModuleLimits.JSON), ModuleSet.BASE)
            .module()
            .orElseThrow();
    TrialReport r = trial(brittle);
    TrialRow cel = r.rows().get(Metric.CEL_FAILURES.ordinal());
    assertThat(cel.candidate()).isPositive();
    assertThat(cel.worsens()).isTrue();
    assertThat(r.passed()).isFalse();
    assertThat(r.reason()).contains("cel_failures");
  }
}
