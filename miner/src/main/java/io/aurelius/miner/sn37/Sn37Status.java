package io.aurelius.miner.sn37;

import io.aurelius.core.hash.ContentId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Operator messages of the SN37 route, one method per message. */
final class Sn37Status {
  private static final Logger LOG = LoggerFactory.getLogger("aurelius.status.miner");

  private Sn37Status() {}

  static void notExportable(ContentId id, String name, String reason) {
    LOG.info("SN37: not offering {} ({}): {}", name, id.shortHex(), reason);
  }
}
