package io.aurelius.node.cli.simulate;

import io.aurelius.worldmodel.orchestrator.RunResult;
import io.aurelius.worldmodel.transcript.RunEnd;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

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
}
