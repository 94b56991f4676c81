package io.aurelius.node.devnet;

import io.aurelius.validator.epoch.EpochListener;
import io.aurelius.validator.epoch.EpochReport;
import java.util.function.Consumer;

/** One validator's epoch events as progress lines, prefixed with its name. */
record Progress(String validator, Consumer<String> out) implements EpochListener {
  @Override
  public void started(long epoch, boolean resumed) {
    out.accept(
        String.format("%-11s epoch %d %s", validator, epoch, resumed ? "resumed" : "started"));
  }

  @Override
  public void step(long epoch, String step, String summary) {
    out.accept(String.format("%-11s epoch %d %-10s %s", validator, epoch, step, summary));
  }

  @Override
  public void finished(EpochReport r) {
    out.accept(
        String.format(
            "%-11s epoch %d done: %d submissions, %d aenes accepted, weights %s (%s)",
            validator,
            r.epoch(),
            r.submissions().size(),
            r.aenesAccepted(),
            r.weights().action(),
            r.weights().status()));
  }
}
