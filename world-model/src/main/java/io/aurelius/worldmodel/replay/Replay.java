package io.aurelius.worldmodel.replay;

import static java.util.Objects.requireNonNull;

import io.aurelius.config.CompiledConfig;
import io.aurelius.config.ConfigLoader;
import io.aurelius.config.module.Module;
import io.aurelius.config.module.ModuleSet;
import io.aurelius.config.module.Modules;
import io.aurelius.worldmodel.orchestrator.Orchestrator;
import io.aurelius.worldmodel.orchestrator.RunResult;
import io.aurelius.worldmodel.orchestrator.RunSpec;
import io.aurelius.worldmodel.transcript.RunObserver;
import io.aurelius.worldmodel.transcript.StepRecord;
import io.aurelius.worldmodel.transcript.Transcript;
import io.aurelius.worldmodel.transcript.TranscriptHeader;
import java.util.ArrayList;
import java.util.List;

/**
 * Re-executes a transcript's run from its embedded configuration and modules, under the recorded
 * world-model version, with its seed, framing and budget, with the recorded replies, and compares
 * every step's state hash. Runs cut short (no end line) are compared up to their last recorded
 * step. A configured CEL time budget that was hit makes a run irreproducible by nature; the
 * evaluation budget does not.
 */
public final class Replay {
  private Replay() {}

  public static ReplayReport verify(Transcript transcript) {
    requireNonNull(transcript, "transcript");
    TranscriptHeader h = transcript.header();
    List<String> differences = new ArrayList<>();
    String what = "transcript " + transcript.runId();
    List<Module> modules =
        h.modules().stream().map(m -> Modules.read(m, what + " module")).toList();
    CompiledConfig config =
        ConfigLoader.load(h.config(), what + " config", ModuleSet.pinned(h.worldModel(), modules));
    if (!config.id().equals(h.configId())) {
      differences.add(
          "configuration id " + config.id().hex() + " (recorded " + h.configId().hex() + ")");
    }
    ReplayModel model = new ReplayModel(transcript);
    RunResult replayed =
        Orchestrator.run(
            new RunSpec(config, h.framing(), h.seed(), model, h.budget()), RunObserver.NONE);
    if (!replayed.header().initialStateHash().equals(h.initialStateHash())) {
      differences.add(
          "initial state hash "
              + replayed.header().initialStateHash()
              + " (recorded "
              + h.initialStateHash()
              + ")");
    }
    List<StepRecord> recorded = transcript.steps();
    int compared = 0;
    for (int i = 0; i < recorded.size(); i++) {
      if (i >= replayed.steps().size()) {
        differences.add(
            "step "
                + recorded.get(i).step()
                + ": not reached on replay ("
                + replayed.end().reason()
                + ")");
        break;
      }
      compared++;
      String want = recorded.get(i).stateHash();
      String got = replayed.steps().get(i).stateHash();
      if (!want.equals(got)) {
        differences.add(
            "step " + recorded.get(i).step() + ": state hash " + got + " (recorded " + want + ")");
      }
    }
    differences.addAll(model.observationMismatches());
    transcript
        .end()
        .ifPresent(
            end -> {
              if (!end.finalStateHash().equals(replayed.end().finalStateHash())) {
                differences.add(
                    "final state hash "
                        + replayed.end().finalStateHash()
                        + " (recorded "
                        + end.finalStateHash()
                        + ")");
              }
              if (end.status() != replayed.end().status()) {
                differences.add(
                    "end "
                        + replayed.end().status().json()
                        + " (recorded "
                        + end.status().json()
                        + ")");
              }
            });
    return new ReplayReport(transcript.runId(), compared, differences);
  }
}
