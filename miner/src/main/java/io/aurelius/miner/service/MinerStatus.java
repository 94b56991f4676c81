package io.aurelius.miner.service;

import io.aurelius.core.hash.ContentId;
import io.aurelius.core.identity.KeyId;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The miner's operator-facing log lines, one method per message. */
final class MinerStatus {
  private static final Logger LOG = LoggerFactory.getLogger("aurelius.status.miner");

  private MinerStatus() {}

  static void serving(KeyId hotkey, InetSocketAddress address, int servable, int refused) {
    LOG.info(
        "miner {} serving on {}: {} to serve, {} refused by its own limits",
        hotkey,
        address,
        configurations(servable),
        refused);
  }

  static void libraryChanged(String tip, int servable, int refused) {
    LOG.info(
        "library at commit {}: {} to serve, {} refused",
        tip.substring(0, Math.min(12, tip.length())),
        configurations(servable),
        refused);
  }

  static void notServed(ContentId id, String reason) {
    LOG.warn("library configuration {} is not served: {}", id.shortHex(), reason);
  }

  static void unreadable(String problem) {
    LOG.warn("library file not served: {}", problem);
  }

  static void emptyLibrary() {
    LOG.warn(
        "nothing to serve: the library has no valid configuration (add one with "
            + "'aurelius miner add FILE')");
  }

  static void announced(InetSocketAddress address) {
    LOG.info("endpoint announced: {}", address);
  }

  private static String configurations(int n) {
    return n + (n == 1 ? " configuration" : " configurations");
  }

  static void stopped(KeyId hotkey) {
    LOG.info("miner {} stopped", hotkey);
  }
}
