package io.aurelius.node.cli.simulate;

import io.aurelius.worldmodel.transcript.RunEnd;
import io.aurelius.worldmodel.transcript.RunObserver;
import io.aurelius.worldmodel.transcript.StepRecord;
import io.aurelius.worldmodel.transcript.TranscriptHeader;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A one-line progress bar on a terminal: steps done of the most steps the runs can take, runs
 * finished, invalid actions so far. Redrawn at most ten times a second; silent when output is not a
 * terminal.
 */
final class Progress implements RunObserver {
  private static final int WIDTH = 30;
  private final PrintWriter err;
  private final boolean enabled;
  private final int maxSteps;
  private final int runs;
  private final AtomicInteger steps = new AtomicInteger();
  private final AtomicInteger ended = new AtomicInteger();
  private final AtomicInteger invalid = new AtomicInteger();
  private long lastDraw;

  Progress(PrintWriter err, boolean enabled, int runs, int maxSteps) {
    this.err = err;
    this.enabled = enabled;
    this.runs = runs;
    this.maxSteps = Math.max(1, maxSteps);
  }

  @Override
  public void stepped(TranscriptHeader header, StepRecord step) {
    steps.incrementAndGet();
    invalid.addAndGet(step.invalidActions());
    draw(false);
  }

  @Override
  public void ended(TranscriptHeader header, RunEnd end) {
    ended.incrementAndGet();
    draw(ended.get() == runs);
  }

  private synchronized void draw(boolean last) {
    if (!enabled) {
      return;
    }
    long now = System.nanoTime();
    if (!last && now - lastDraw < 100_000_000L) {
      return;
    }
    lastDraw = now;
    int done = Math.min(steps.get(), maxSteps);
    int filled = ended.get() == runs ? WIDTH : (int) ((long) WIDTH * done / maxSteps);
    err.print(
        "\r["
            + "#".repeat(filled)
            + ".".repeat(WIDTH - filled)
            + "] "
            + done
            + "/"
            + maxSteps
            + " steps, "
            + ended.get()
            + "/"
            + runs
            + " runs, "
            + invalid.get()
            + " invalid actions");
    if (last) {
      err.println();
    }
    err.flush();
  }
}
