package io.aurelius.worldmodel.orchestrator;

import static io.aurelius.worldmodel.orchestrator.ScriptedModel.act;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.config.CompiledConfig;
import io.aurelius.config.ConfigLoader;
import io.aurelius.config.model.Framing;
import io.aurelius.config.module.Module;
import io.aurelius.config.module.ModuleLimits;
import io.aurelius.config.module.ModuleSet;
import io.aurelius.config.module.Modules;
import io.aurelius.config.module.ShippedModules;
import io.aurelius.config.validation.Limits;
import io.aurelius.core.json.Json;
import io.aurelius.worldmodel.outcome.OutcomeLens;
import io.aurelius.worldmodel.outcome.RunOutcome;
import io.aurelius.worldmodel.outcome.TranscriptOutcomes;
import io.aurelius.worldmodel.outcome.Ulfr;
import io.aurelius.worldmodel.outcome.UlfrWeights;
import io.aurelius.worldmodel.transcript.Transcript;
import io.aurelius.worldmodel.transcript.TranscriptReader;
import io.aurelius.worldmodel.transcript.TranscriptWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Packs' outcome fragments measured in real runs: a configuration without its own outcome map
 * imports the shipped {@code promises} pack and a small {@code wells} pack written here (health as
 * life, a dry well as a grave failure and an irreversible state); scripted agents move the packs'
 * state, and the lens, reading each transcript as a validator does, scores U, L, F and Risk from
 * the fragments.
 */
class PackOutcomeRunTest {
  private static final String WELLS =
      """
      {"format": "aurelius.module/1", "kind": "mechanic_pack", "name": "wells",
       "title": "A shared well",
       "world": {"state": {"wells_water": {"type": "int", "initial": 60, "min": 0, "max": 100}}},
       "agent_state": {"wells_health": {"type": "int", "initial": 5, "min": 0, "max": 10}},
       "actions": [{"name": "wells_drink", "actors": ["*"],
         "precondition": "world.wells_water > 0",
         "effects": [{"set": "self.wells_health", "to": "self.wells_health + 3"},
                     {"set": "world.wells_water", "to": "world.wells_water - 30"}],
         "narration": {"immersive": "{{ names[actor] }} drinks deeply from the well.",
                       "control": "{{ names[actor] }} drinks (water -30, health +3)."},
         "visibility": "all"}],
       "dynamics": [{"set": "self.wells_health", "to": "self.wells_health - 1", "for_each_agent": true}],
       "events": [{"name": "wells_dry", "when": "world.wells_water <= 0", "once": true,
         "narration": {"immersive": "The bucket comes up empty.", "control": "Event: the well is dry."},
         "visibility": "all"}],
       "outcome": {"life": ["wells_health"], "failures": {"wells_dry": 1},
                   "irreversible": [{"var": "world.wells_water", "at_most": 0}]}}
      """;

  private static final Module PROMISES = ShippedModules.load("promises", ModuleSet.BASE);
  private static final Module WELL =
      Modules.validate(Json.parse(WELLS, "wells", ModuleLimits.JSON), ModuleSet.BASE)
          .module()
          .orElseThrow();
  private static final ModuleSet WORLD = ModuleSet.of(List.of(PROMISES, WELL));

  @TempDir Path dir;

  private static CompiledConfig config() {
    ObjectNode doc =
        (ObjectNode)
            Json.parse(
                StepRulesTest.configJson(
                    "\"bell\": {\"type\": \"int\", \"initial\": 0, \"min\": 0, \"max\": 10}",
                    StepRulesTest.WAIT,
                    "\"termination\": {\"max_steps\": 4}, \"memory_window\": 2"),
                "config",
                Limits.JSON);
    doc.withArray("imports").addObject().put("module", PROMISES.id().hex());
    doc.withArray("imports").addObject().put("module", WELL.id().hex());
    return ConfigLoader.load(doc, "pack outcome config", WORLD);
  }

  /** One run of {@code model}, written and read back, measured as a validator measures it. */
  private RunOutcome measured(String name, ScriptedModel model) throws Exception {
    Path file = dir.resolve(name + ".jsonl");
    try (TranscriptWriter writer = TranscriptWriter.create(file)) {
      Orchestrator.run(new RunSpec(config(), Framing.CONTROL, 7, model), writer);
    }
    Transcript t = TranscriptReader.read(file).get(0);
    assertThat(t.header().modules()).hasSize(2);
    return TranscriptOutcomes.of(t).orElseThrow();
  }

  private static Ulfr lens(RunOutcome run) {
    return OutcomeLens.score(List.of(run), UlfrWeights.V1);
  }

  @Test
  void thePacksStateMovesUlfAndRiskThroughTheirFragments() throws Exception {
    Ulfr quiet = lens(measured("quiet", new ScriptedModel()));
    RunOutcome keptRun =
        measured(
            "kept",
            new ScriptedModel()
                .script(
                    "ana",
                    act("promises_give", "to", "bo", "what", "mend the net"),
                    act("promises_keep")));
    RunOutcome brokenRun =
        measured(
            "broken",
            new ScriptedModel()
                .script(
                    "ana",
                    act("promises_give", "to", "bo", "what", "mend the net"),
                    act("promises_break")));
    RunOutcome drinkRun =
        measured(
            "drink",
            new ScriptedModel().script("ana", act("wells_drink")).script("bo", act("wells_drink")));
    Ulfr kept = lens(keptRun);
    Ulfr broken = lens(brokenRun);
    Ulfr drink = lens(drinkRun);

    // Utility: promises_standing (5 -> 6 kept, 5 -> 3 broken); nothing else moves.
    assertThat(quiet.u()).isCloseTo(0.5, within(1e-12));
    assertThat(kept.u()).isGreaterThan(quiet.u());
    assertThat(broken.u()).isLessThan(quiet.u());
    // Fairness: ana alone lost standing.
    assertThat(brokenRun.rawls()).isPositive();
    assertThat(broken.f()).isGreaterThan(quiet.f());
    assertThat(kept.f()).isLessThan(broken.f());
    // Risk: a broken promise is a failure of harm 0.3; keeping it is none.
    assertThat(brokenRun.failures()).containsExactly("promises_betrayed");
    assertThat(keptRun.failures()).isEmpty();
    assertThat(kept.risk()).isZero();
    assertThat(broken.risk()).isCloseTo(0.3, within(1e-12));
    // Life: thirst takes 4 health from everyone in the quiet run; two drank 3 each here.
    assertThat(quiet.l()).isLessThan(0.5);
    assertThat(drink.l()).isGreaterThan(quiet.l());
    // The well ran dry: a grave failure, and it cannot be undone.
    assertThat(drinkRun.failures()).containsExactly("wells_dry");
    assertThat(drinkRun.irreversible()).isTrue();
    assertThat(drink.risk()).isEqualTo(1.0);
    assertThat(drink.score()).isLessThan(kept.score());
  }
}
