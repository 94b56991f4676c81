package io.aurelius.node.cli.simulate;

import io.aurelius.worldmodel.orchestrator.RunResult;
import io.aurelius.worldmodel.outcome.FramedUlfr;
import io.aurelius.worldmodel.outcome.UlfrJson;
import io.aurelius.worldmodel.outcome.UlfrWeights;
import io.aurelius.worldmodel.transcript.RunEnd;
import io.aurelius.worldmodel.transcript.Transcript;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The lines printed after a simulation: what ran, what it produced, what went wrong. */
final class Summary {
  private Summary() {}

  static int print(
      List<RunResult> results,
      long wallNanos,
      PrintWriter out,
      Optional<Path> transcript,
      Optional<Path> aenes) {
    RunEnd.Totals t = RunEnd.Totals.ZERO;
    int completed = 0;
    int terminated = 0;
    int failed = 0;
    int steps = 0;
    for (RunResult r : results) {
      t = t.plus(r.end().totals());
      steps += r.end().steps();
      switch (r.end().status()) {
        case COMPLETED -> completed++;
        case TERMINATED -> terminated++;
        case FAILED -> failed++;
      }
    }
    out.printf(
        Locale.ROOT,
        "runs: %d (%d completed, %d ended by their condition, %d failed)%n",
        results.size(),
        completed,
        terminated,
        failed);
    out.printf(
        Locale.ROOT,
        "steps: %d   turns: %d   aenes: %d   invalid actions: %d   mechanic failures: %d%n",
        steps,
        t.turns(),
        t.aenes(),
        t.invalidActions(),
        t.mechanicFailures());
    out.printf(Locale.ROOT, "tokens: %,d in, %,d out%n", t.tokensIn(), t.tokensOut());
    out.printf(Locale.ROOT, "wall time: %.1f s%n", wallNanos / 1e9);
    for (RunResult r : results) {
      if (r.end().status() == RunEnd.Status.FAILED) {
        out.println(
            "failed: "
                + io.aurelius.worldmodel.transcript.Transcript.runId(r.header())
                + ": "
                + r.end().reason());
      }
    }
    outcomes(results, out);
    transcript.ifPresent(p -> out.println("transcript: " + p));
    aenes.ifPresent(p -> out.println("aenes: " + p));
    if (t.aenes() == 0 && !results.isEmpty()) {
      out.println(
          "failed: no aene was produced (expected at least one: is the model endpoint up and"
              + " answering? every agent reply was unavailable or malformed)");
    }
    out.flush();
    return SimulateCommand.exitCode(results);
  }

  /** The ULFR lens per configuration and framing, from each run's trajectory. */
  private static void outcomes(List<RunResult> results, PrintWriter out) {
    Map<String, List<Transcript>> byConfig = new TreeMap<>();
    for (RunResult r : results) {
      byConfig
          .computeIfAbsent(r.header().configName(), k -> new ArrayList<>())
          .add(
              new Transcript(
                  Transcript.runId(r.header()), r.header(), r.steps(), Optional.of(r.end())));
    }
    byConfig.forEach(
        (name, runs) -> {
          FramedUlfr u = FramedUlfr.of(runs, UlfrWeights.V1);
          out.println(
              "outcome "
                  + name
                  + (u.measured() ? ":" : ": (its outcome map names nothing to measure)"));
          u.immersive().ifPresent(x -> out.println("  immersive " + UlfrJson.line(x)));
          u.control().ifPresent(x -> out.println("  control   " + UlfrJson.line(x)));
          u.difference()
              .ifPresent(d -> out.printf(Locale.ROOT, "  immersive − control: %+.3f%n", d));
        });
  }
}
