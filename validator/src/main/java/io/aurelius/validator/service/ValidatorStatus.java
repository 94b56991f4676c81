package io.aurelius.validator.service;

import io.aurelius.anchoring.stamping.StampRun;
import io.aurelius.core.identity.KeyId;
import io.aurelius.validator.epoch.EpochListener;
import io.aurelius.validator.epoch.EpochReport;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The validator's operator-facing log lines, one method per message. */
final class ValidatorStatus implements EpochListener {
  private static final Logger LOG = LoggerFactory.getLogger("aurelius.status.validator");

  static void serving(KeyId hotkey, InetSocketAddress address, String models, String judges) {
    LOG.info(
        "validator {} serving on {} (models: {}; judges: {})", hotkey, address, models, judges);
  }

  static void announced(InetSocketAddress address) {
    LOG.info("endpoint announced: {}", address);
  }

  static void waiting(long epoch) {
    LOG.info("epoch {} done; waiting for the chain's next epoch", epoch);
  }

  static void finishingLate(long epoch, long chainEpoch) {
    LOG.info(
        "epoch {} was cut short and the chain is at epoch {}: settling it first",
        epoch,
        chainEpoch);
  }

  static void failed(long epoch, String reason) {
    LOG.error(
        "epoch {} failed: {} (it resumes where it stopped on the next attempt)", epoch, reason);
  }

  static void stopOverdue(java.time.Duration grace) {
    LOG.warn(
        "the running epoch step did not finish within {} of the stop; interrupted (a restart"
            + " completes it)",
        grace);
  }

  static void stamping(java.util.List<java.net.URI> calendars, java.time.Duration every) {
    LOG.info(
        "checkpoints are stamped with OpenTimestamps calendars {} (pending stamps retried every {})",
        calendars,
        every);
  }

  static void anchoringAdoptions(java.nio.file.Path covenant, boolean writable) {
    if (writable) {
      LOG.info("world-model adoptions are anchored as amendments of the covenant {}", covenant);
    } else {
      LOG.warn(
          "world-model adoptions are not anchored: the covenant {} is signed by another log key"
              + " (the registry is only checked against its version)",
          covenant);
    }
  }

  static void notAnchoringAdoptions() {
    LOG.info("world-model adoptions are not anchored: no covenant log (--covenant)");
  }

  static void notStamping() {
    LOG.info("checkpoints are not stamped: no OpenTimestamps calendar configured (--ots-calendar)");
  }

  static void stamped(StampRun run) {
    java.util.List<String> parts = new java.util.ArrayList<>();
    if (!run.stamped().isEmpty()) {
      parts.add("submitted " + run.stamped());
    }
    if (!run.recordedPending().isEmpty()) {
      parts.add("recorded as pending (no calendar answered) " + run.recordedPending());
    }
    if (!run.upgraded().isEmpty()) {
      parts.add("upgraded to Bitcoin " + run.upgraded());
    }
    if (!parts.isEmpty()) {
      LOG.info("checkpoint stamps: {}", String.join("; ", parts));
    }
    if (!run.failures().isEmpty()) {
      LOG.warn(
          "checkpoint stamps: {} still pending; calendars: {}",
          run.stillPending(),
          String.join("; ", run.failures()));
    }
  }

  static void stopped(KeyId hotkey) {
    LOG.info("validator {} stopped", hotkey);
  }

  @Override
  public void started(long epoch, boolean resumed) {
    LOG.info("epoch {} {}", epoch, resumed ? "resumed" : "started");
  }

  @Override
  public void step(long epoch, String step, String summary) {
    LOG.info("epoch {} {}: {}", epoch, step, summary);
  }

  @Override
  public void finished(EpochReport r) {
    LOG.info(
        "epoch {} complete: {} submissions, {} aenes accepted, corpus size {}, weights {} ({})",
        r.epoch(),
        r.submissions().size(),
        r.aenesAccepted(),
        r.checkpoint().map(c -> c.size()).orElse(0L),
        r.weights().action(),
        r.weights().status());
  }
}
