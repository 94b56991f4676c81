package io.aurelius.miner.service;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.transport.ServerLimits;
import io.aurelius.miner.intake.IntakePolicy;
import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * How a miner runs.
 *
 * @param library the library's bare repository
 * @param bind where the HTTP server listens (port 0: any free port)
 * @param intake what the miner serves (the same policy {@code miner add} applies)
 * @param limits the server's limits
 */
public record MinerSettings(
    Path library, InetSocketAddress bind, IntakePolicy intake, ServerLimits limits) {
  public MinerSettings {
    requireNonNull(library, "library");
    requireNonNull(bind, "bind");
    requireNonNull(intake, "intake");
    requireNonNull(limits, "limits");
  }
}
