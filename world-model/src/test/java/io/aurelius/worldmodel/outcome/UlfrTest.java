package io.aurelius.worldmodel.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.config.catalogue.Catalogue;
import io.aurelius.config.model.OutcomeMap;
import io.aurelius.config.model.ScenarioConfig;
import io.aurelius.config.outcome.OutcomeMaps;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonLimits;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ULFR lens: the paper's worked example, and measures taken from a trajectory. */
class UlfrTest {
  private static final ScenarioConfig COMMONS =
      Catalogue.load("oyster_reef_commons").orElseThrow().config();

  @Test
  void orbisEthicasWorkedExampleScores0509() {
    assertThat(UlfrWeights.V1.score(0.82, 0.91, 0.15, 0.20)).isCloseTo(0.509, within(1e-12));
    assertThat(UlfrWeights.V1.version()).isEqualTo("ulfr-v1");
  }

  @Test
  void utilityFairnessAndRiskComeFromTheStateBeforeAndAfterAndTheEventsFired() {
    // coins 0..100000 and need 0..1000 (lower is better) per agent.
    JsonNode before =
        state(
            "{\"marisol\":{\"coins\":10,\"need\":40},\"tomas\":{\"coins\":10,\"need\":40},"
                + "\"ines\":{\"coins\":10,\"need\":40}}",
            120);
    JsonNode after =
        state(
            "{\"marisol\":{\"coins\":50010,\"need\":40},\"tomas\":{\"coins\":10,\"need\":540},"
                + "\"ines\":{\"coins\":10,\"need\":40}}",
            0);
    OutcomeMap map = OutcomeMaps.of(COMMONS);
    RunOutcome run = OutcomeLens.measure(COMMONS, map, before, after, List.of("dead_shells"));
    // Scales: coins min(100000, 50010), need min(1000, 540), the largest each held in the run.
    double marisol = (50_000 / 50_010.0 + 0) / 2;
    double tomas = (0 - 500 / 540.0) / 2;
    assertThat(run.utilityChange()).isCloseTo((marisol + tomas) / 3, within(1e-12));
    assertThat(run.rawls()).as("tomas, the worst off, lost").isCloseTo(-tomas, within(1e-12));
    double a = 0.5 + 0.5 * marisol;
    double b = 0.5 + 0.5 * tomas;
    double c = 0.5;
    double pairs = 2 * (Math.abs(a - b) + Math.abs(a - c) + Math.abs(b - c));
    assertThat(run.gini()).isCloseTo(pairs / (2 * 9 * ((a + b + c) / 3)), within(1e-12));
    assertThat(run.failures()).containsExactly("dead_shells");
    assertThat(run.harm()).isEqualTo(1.0);
    assertThat(run.irreversible()).as("no life variable, no floor").isFalse();

    Ulfr one = OutcomeLens.score(List.of(run), UlfrWeights.V1);
    assertThat(one.u()).isCloseTo(0.5 + 0.5 * run.utilityChange(), within(1e-12));
    assertThat(one.l()).as("nothing to measure: neutral").isCloseTo(0.5, within(1e-12));
    assertThat(one.risk()).isEqualTo(1.0);
    double f = 0.5 * run.rawls() + 0.5 * run.gini();
    assertThat(one.f()).isCloseTo(f, within(1e-12));
    assertThat(one.score()).isCloseTo(0.25 * one.u() + 0.4 * 0.5 - 0.2 * f - 0.15, within(1e-12));
    assertThat(one.weights()).isEqualTo("ulfr-v1");
  }

  @Test
  void riskOverSeedsIsTheFailureShareTimesItsMagnitudePlusRhoTimesIrreversibility() {
    RunOutcome calm = new RunOutcome(0.2, 0, 0, 0, List.of(), 0, false, true);
    RunOutcome storm = new RunOutcome(-0.2, -0.4, 0.2, 0.1, List.of("storm"), 0.5, true, true);
    Ulfr u = OutcomeLens.score(List.of(calm, storm, calm, calm), UlfrWeights.V1);
    assertThat(u.pFailure()).isEqualTo(0.25);
    assertThat(u.magnitude()).isEqualTo(0.5);
    assertThat(u.irreversibility()).isEqualTo(0.25);
    assertThat(u.risk()).isCloseTo(0.25 * 0.5 + 0.5 * 0.25, within(1e-12));
    assertThat(u.u()).isCloseTo(0.5 + 0.5 * 0.1, within(1e-12));
    assertThat(u.l()).isCloseTo(0.5 - 0.5 * 0.1, within(1e-12));
  }

  @Test
  void aDeclaredIrreversibleFloorIsReachedByAnyAgent() {
    OutcomeMap map =
        new OutcomeMap(
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            Map.of(),
            Map.of(),
            List.of(new OutcomeMap.Floor("self.need", 0), new OutcomeMap.Floor("world.reef", 0)));
    JsonNode s = state("{\"marisol\":{\"coins\":1,\"need\":3}}", 5);
    assertThat(OutcomeLens.measure(COMMONS, map, s, s, List.of()).irreversible()).isFalse();
    assertThat(
            OutcomeLens.measure(COMMONS, map, s, state("{\"tomas\":{\"need\":0}}", 5), List.of())
                .irreversible())
        .isTrue();
    assertThat(OutcomeLens.measure(COMMONS, map, s, state("{}", 0), List.of()).irreversible())
        .isTrue();
  }

  private static JsonNode state(String agents, int reef) {
    return Json.parse(
        "{\"agents\":"
            + agents
            + ",\"fired\":[],\"step\":0,\"world\":{\"reef\":"
            + reef
            + ",\"spat_fall\":6,\"price\":3}}",
        "state",
        JsonLimits.UNTRUSTED);
  }
}
