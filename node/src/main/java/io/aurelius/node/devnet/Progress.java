package io.aurelius.node.devnet;

import io.aurelius.validator.epoch.EpochListener;
import io.aurelius.validator.epoch.EpochReport;
import java.util.function.Consumer;

/**
 * One validator's epoch events as progress lines, prefixed with its name, epochs numbered from 1.
 */
record Progress(String validator, EpochNumbers numbers, Consumer<String> out)
    implements EpochListener {
  @Override
  public void started(long epoch, boolean resumed) {
    out.accept(
        String.format(
            "%-11s epoch %d %s (chain epoch %d)",
            validator, numbers.of(epoch), resumed ? "resumed" : "started", epoch));
  }

  @Override
  public void step(long epoch, String step, String summary) {
    out.accept(
        String.format("%-11s epoch %d %-10s %s", validator, numbers.of(epoch), step, summary));
  }

  @Override
  public void finished(EpochReport r) {
    out.accept(
        String.format(
            "%-11s epoch %d done: %d submissions, %d aenes accepted, weights %s (%s)",
            validator,
            numbers.of(r.epoch()),
            r.submissions().size(),
            r.aenesAccepted(),
            r.weights().action(),
            r.weights().status()));
  }
}
