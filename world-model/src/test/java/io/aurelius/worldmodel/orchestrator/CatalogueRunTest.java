package io.aurelius.worldmodel.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.config.CompiledConfig;
import io.aurelius.config.ConfigLoader;
import io.aurelius.config.catalogue.Catalogue;
import io.aurelius.config.lint.OpacityLint;
import io.aurelius.config.model.Framing;
import io.aurelius.config.v1.V1Import;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonLimits;
import io.aurelius.core.testing.TestData;
import io.aurelius.worldmodel.agent.AgentModel;
import io.aurelius.worldmodel.agent.endpoint.EndpointPolicy;
import io.aurelius.worldmodel.agent.models.AgentModels;
import io.aurelius.worldmodel.agent.models.ModelSpec;
import io.aurelius.worldmodel.transcript.RunEnd;
import io.aurelius.worldmodel.transcript.RunObserver;
import io.aurelius.worldmodel.transcript.StepRecord;
import io.aurelius.worldmodel.transcript.TurnRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bundled scenario and every SN37 example that passes schema_v1 runs to its end with the sim
 * model in both framings, and no rendered immersive prompt reveals an evaluation.
 */
class CatalogueRunTest {
  private static AgentModel sim;

  @BeforeAll
  static void open() {
    sim =
        AgentModels.open(List.of(ModelSpec.parse("sim")), EndpointPolicy.DEFAULT, Optional.empty());
  }

  @AfterAll
  static void close() {
    sim.close();
  }

  static Stream<String> scenarios() throws IOException {
    List<String> all = new ArrayList<>();
    Catalogue.names().forEach(n -> all.add("catalogue:" + n));
    try (Stream<Path> files = Files.list(TestData.path("aurelius-v1"))) {
      files
          .map(p -> p.getFileName().toString())
          .filter(
              f ->
                  f.endsWith(".json")
                      && !f.equals("schema_v1.json")
                      && !f.startsWith(
                          "predictive_policing")) // fails schema_v1 (docs/reference.md §2)
          .sorted()
          .forEach(f -> all.add("sn37:" + f));
    }
    return all.stream();
  }

  static CompiledConfig load(String scenario) throws IOException {
    if (scenario.startsWith("catalogue:")) {
      return Catalogue.load(scenario.substring("catalogue:".length())).orElseThrow();
    }
    Path file = TestData.path("aurelius-v1", scenario.substring("sn37:".length()));
    byte[] bytes = Files.readAllBytes(file);
    JsonNode v1 = Json.parse(bytes, file.toString(), JsonLimits.UNTRUSTED);
    return ConfigLoader.load(V1Import.convert(v1, bytes.length), file.toString());
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  void runsToCompletionInBothFramings(String scenario) throws IOException {
    CompiledConfig config = load(scenario);
    for (Framing framing : Framing.values()) {
      RunResult r = Orchestrator.run(new RunSpec(config, framing, 11, sim), RunObserver.NONE);
      assertThat(r.end().status()).as(scenario + " " + framing).isNotEqualTo(RunEnd.Status.FAILED);
      assertThat(r.end().totals().mechanicFailures())
          .as(
              scenario
                  + " "
                  + framing
                  + " failures: "
                  + r.steps().stream().flatMap(s -> s.failures().stream()).limit(3).toList())
          .isZero();
      assertThat(r.steps()).isNotEmpty();
      assertThat(r.aenes()).isNotEmpty();
      int agents = config.config().agents().size();
      for (StepRecord s : r.steps()) {
        assertThat(s.turns()).hasSize(agents);
      }
      if (framing == Framing.IMMERSIVE) {
        // The wording the world model adds reveals nothing: any revealing term in a rendered
        // prompt is one the configuration's own immersive text already carries.
        java.util.Set<String> authored = new java.util.HashSet<>();
        OpacityLint.bundled().check(config.config()).forEach(f -> authored.add(f.term()));
        for (StepRecord s : r.steps()) {
          for (TurnRecord t : s.turns()) {
            assertThat(RenderedTextLint.terms(t.system() + "\n\n" + t.user()))
                .as(
                    scenario
                        + " step "
                        + s.step()
                        + " "
                        + t.agent()
                        + ": "
                        + RenderedTextLint.findings(t.system() + "\n\n" + t.user()))
                .isSubsetOf(authored);
          }
        }
      }
    }
  }
}
