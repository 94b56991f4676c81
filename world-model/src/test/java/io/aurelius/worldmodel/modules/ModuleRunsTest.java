package io.aurelius.worldmodel.modules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.config.CompiledConfig;
import io.aurelius.config.ConfigLoader;
import io.aurelius.config.catalogue.Catalogue;
import io.aurelius.config.lint.OpacityLint;
import io.aurelius.config.model.Framing;
import io.aurelius.config.module.Module;
import io.aurelius.config.module.ModuleSet;
import io.aurelius.config.module.ShippedModules;
import io.aurelius.config.validation.Limits;
import io.aurelius.core.json.Json;
import io.aurelius.worldmodel.agent.AgentModel;
import io.aurelius.worldmodel.agent.endpoint.EndpointPolicy;
import io.aurelius.worldmodel.agent.models.AgentModels;
import io.aurelius.worldmodel.agent.models.ModelSpec;
import io.aurelius.worldmodel.orchestrator.Orchestrator;
import io.aurelius.worldmodel.orchestrator.RunSpec;
import io.aurelius.worldmodel.replay.Replay;
import io.aurelius.worldmodel.transcript.StepRecord;
import io.aurelius.worldmodel.transcript.Transcript;
import io.aurelius.worldmodel.transcript.TranscriptReader;
import io.aurelius.worldmodel.transcript.TranscriptWriter;
import io.aurelius.worldmodel.transcript.TurnRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each shipped module, imported by a catalogue configuration, runs through the orchestrator with
 * the sim model, leaves its world-model version and documents in the transcript, changes what
 * agents are offered or shown, and replays to every recorded state hash.
 */
class ModuleRunsTest {
  private static final ModuleSet WORLD =
      ModuleSet.of(
          List.of(
              ShippedModules.load("promises", ModuleSet.BASE),
              ShippedModules.load("whisper", ModuleSet.BASE),
              ShippedModules.load("recollect", ModuleSet.BASE)));
  private static final long[] SEEDS = {1, 2, 3};
  private static AgentModel sim;

  @TempDir Path dir;

  @BeforeAll
  static void open() {
    sim =
        AgentModels.open(List.of(ModelSpec.parse("sim")), EndpointPolicy.DEFAULT, Optional.empty());
  }

  @AfterAll
  static void close() throws Exception {
    sim.close();
  }

  private static CompiledConfig importing(String scenario, String... modules) {
    return importing(WORLD, scenario, modules);
  }

  private static CompiledConfig importing(ModuleSet world, String scenario, String... modules) {
    ObjectNode doc =
        (ObjectNode) Json.parse(Catalogue.bytes(scenario).orElseThrow(), scenario, Limits.JSON);
    for (String m : modules) {
      doc.withArray("imports").addObject().put("module", world.current(m).orElseThrow().id().hex());
    }
    return ConfigLoader.load(doc, scenario, world);
  }

  private static Module module(String name) {
    return WORLD.current(name).orElseThrow();
  }

  private List<Transcript> runAndReplay(CompiledConfig config) throws Exception {
    Path file = dir.resolve(config.config().name() + ".jsonl");
    try (TranscriptWriter writer = TranscriptWriter.create(file)) {
      for (long seed : SEEDS) {
        for (Framing f : Framing.values()) {
          Orchestrator.run(new RunSpec(config, f, seed, sim), writer);
        }
      }
    }
    List<Transcript> runs = TranscriptReader.read(file);
    assertThat(runs).hasSize(SEEDS.length * 2);
    for (Transcript t : runs) {
      assertThat(t.end()).isPresent();
      assertThat(t.header().worldModel()).isEqualTo(config.modules().version());
      assertThat(t.header().modules()).hasSize(config.modules().used().size());
      assertThat(Replay.verify(t).differences()).as(t.runId()).isEmpty();
      assertThat(t.aenes())
          .isNotEmpty()
          .allSatisfy(a -> assertThat(a.worldModel()).isEqualTo(config.modules().version()));
      for (StepRecord s : t.steps()) {
        assertThat(s.failures()).as(t.runId() + " step " + s.step()).isEmpty();
        if (t.header().framing() == Framing.IMMERSIVE) {
          for (TurnRecord turn : s.turns()) {
            assertThat(LINT.checkText(turn.user(), "user")).as(turn.user()).isEmpty();
          }
        }
      }
    }
    return runs;
  }

  private static final OpacityLint LINT = OpacityLint.bundled();

  private static List<TurnRecord> turns(List<Transcript> runs) {
    return runs.stream().flatMap(t -> t.steps().stream()).flatMap(s -> s.turns().stream()).toList();
  }

  @Test
  void promisesAreOfferedTakenAndShownAndReplay() throws Exception {
    List<Transcript> runs = runAndReplay(importing("orchard_watch_promises", "promises"));
    List<TurnRecord> turns = turns(runs);
    assertThat(turns).allSatisfy(t -> assertThat(t.offered()).contains("promises_give"));
    assertThat(turns)
        .filteredOn(t -> t.action().orElse("").startsWith("promises_") && t.valid())
        .isNotEmpty();
    assertThat(turns)
        .filteredOn(t -> t.user().contains("People say my word counts for"))
        .isNotEmpty();
    assertThat(runs.get(0).header().config().has("imports")).isTrue();
  }

  @Test
  void aPrivateWordIsSeenOnlyByTheTwoOfThem() throws Exception {
    List<Transcript> runs = runAndReplay(importing("keel_sale_trust", "whisper"));
    int told = 0;
    for (Transcript t : runs) {
      for (StepRecord s : t.steps()) {
        for (TurnRecord turn : s.turns()) {
          if (turn.valid() && turn.action().equals(Optional.of("whisper_tell"))) {
            told++;
            String to = (String) turn.params().get("to");
            String message = (String) turn.params().get("message");
            s.consequences()
                .forEach(
                    (agent, seen) -> {
                      boolean heard = seen.stream().anyMatch(x -> x.contains(message));
                      assertThat(heard)
                          .as(agent + " hears " + turn.agent() + " -> " + to)
                          .isEqualTo(agent.equals(to) || agent.equals(turn.agent()));
                    });
          }
        }
      }
    }
    assertThat(told).isPositive();
  }

  @Test
  void olderTurnsAreRecollectedInTheFirstPerson() throws Exception {
    List<Transcript> runs = runAndReplay(importing("oyster_reef_commons", "recollect", "promises"));
    Transcript immersive = runs.get(0);
    assertThat(immersive.header().framing()).isEqualTo(Framing.IMMERSIVE);
    TurnRecord late = immersive.steps().get(4).turns().get(0);
    assertThat(late.user()).contains("Further back, as I remember it:\n- I chose to ");
    assertThat(immersive.steps().get(1).turns().get(0).user()).doesNotContain("Further back");
    TurnRecord control = runs.get(1).steps().get(4).turns().get(0);
    assertThat(control.user()).contains("Summary of earlier steps:\n- Steps 1-2: ");
  }

  @Test
  void aFramingPackRephrasesTheFixedPhrasesInPromptAndSchema() throws Exception {
    String doc =
        "{\"format\":\"aurelius.module/1\",\"kind\":\"framing_pack\",\"name\":\"hearth\","
            + "\"title\":\"Hearth\",\"immersive\":{\"menu_header\":\"What lies open to me now:\","
            + "\"reflect_label\":\"Let the moment pass and think\"},"
            + "\"control\":{\"menu_header\":\"Available moves:\"}}";
    Module hearth =
        io.aurelius.config.module.Modules.validate(
                doc.getBytes(java.nio.charset.StandardCharsets.UTF_8), WORLD)
            .module()
            .orElseThrow();
    ModuleSet world = WORLD.plus(hearth);
    List<Transcript> runs = runAndReplay(importing(world, "pine_forest_generations", "hearth"));
    TurnRecord immersive = runs.get(0).steps().get(0).turns().get(0);
    assertThat(immersive.user())
        .contains("What lies open to me now:")
        .doesNotContain("What I can do now:");
    TurnRecord control = runs.get(1).steps().get(0).turns().get(0);
    assertThat(control.user()).contains("Available moves:").doesNotContain("Legal moves:");
    CompiledConfig pine = importing(world, "pine_forest_generations", "hearth");
    String schema =
        new io.aurelius.worldmodel.framing.ActionMenu(
                pine.config(), Framing.IMMERSIVE, pine.modules().framing())
            .schema(List.of(), true)
            .toJsonSchema()
            .toString();
    assertThat(schema).contains("Let the moment pass and think");
  }
}
