package io.aurelius.worldmodel.outcome;

import io.aurelius.config.ConfigLoader;
import io.aurelius.config.model.OutcomeMap;
import io.aurelius.config.model.ScenarioConfig;
import io.aurelius.config.module.Module;
import io.aurelius.config.module.ModuleSet;
import io.aurelius.config.module.Modules;
import io.aurelius.config.outcome.OutcomeMaps;
import io.aurelius.worldmodel.transcript.EventRecord;
import io.aurelius.worldmodel.transcript.StepRecord;
import io.aurelius.worldmodel.transcript.Transcript;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A transcript's run measured by the lens: its configuration (from the header) and trajectory. */
public final class TranscriptOutcomes {
  private TranscriptOutcomes() {}

  /** The run's outcome, or empty for a run without an end line (interrupted). */
  public static Optional<RunOutcome> of(Transcript t) {
    if (t.end().isEmpty()) {
      return Optional.empty();
    }
    // The configuration as it ran: under the world model and modules its header recorded, so a
    // run that imported a module (a trial's candidate, or an adopted one) is measured too.
    String what = "transcript " + t.runId();
    List<Module> modules =
        t.header().modules().stream().map(m -> Modules.read(m, what + " module")).toList();
    ScenarioConfig config =
        ConfigLoader.load(
                t.header().config(),
                what + " config",
                ModuleSet.pinned(t.header().worldModel(), modules))
            .config();
    OutcomeMap map = OutcomeMaps.of(config);
    List<String> fired = new ArrayList<>();
    for (StepRecord s : t.steps()) {
      for (EventRecord e : s.events()) {
        fired.add(e.name());
      }
    }
    return Optional.of(
        OutcomeLens.measure(
            config, map, t.header().initialState(), t.end().get().finalState(), fired));
  }
}
