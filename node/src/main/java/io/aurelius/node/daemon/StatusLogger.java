package io.aurelius.node.daemon;

import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's operator-facing log lines, one method per message (as Teku's {@code StatusLogger});
 * the roles keep their own ({@code aurelius.status.miner}, ...). Shown at info by default;
 * developers' class loggers stay at warn.
 */
public final class StatusLogger {
  public static final StatusLogger STATUS =
      new StatusLogger(LoggerFactory.getLogger("aurelius.status.node"));

  private final Logger log;

  private StatusLogger(Logger log) {
    this.log = log;
  }

  public void nodeStarted(String role, String hotkey, InetSocketAddress address) {
    log.info(
        "{} {} started on {} (dashboard http://{}:{}/)",
        role,
        hotkey,
        address,
        address.getHostString(),
        address.getPort());
  }

  public void shutdownRequested(String what) {
    log.info("shutdown requested: stopping {}", what);
  }

  public void stopped(String what) {
    log.info("{} stopped", what);
  }

  public void devnetStarting(String home) {
    log.info("devnet starting in {}", home);
  }

  public void devnetNode(String role, String hotkey, int port) {
    log.info("devnet {} {} on port {}", role, hotkey, port);
  }

  public void epochFinished(String validator, long epoch, int admitted, int rejected) {
    log.info(
        "validator {} finished epoch {}: {} admitted, {} rejected",
        validator,
        epoch,
        admitted,
        rejected);
  }

  public void devnetFinished(int epochs, long seconds) {
    log.info("devnet ran {} epochs in {} s", epochs, seconds);
  }

  public void stopTimedOut(String what, long millis) {
    log.warn("{} did not stop within {} ms", what, millis);
  }
}
