package io.aurelius.core.transport;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The client's bounds.
 *
 * @param connectTimeout to open a connection
 * @param requestTimeout from sending a request to its complete answer
 * @param idleTimeout pooled connections idle this long are closed (keep it below the server's idle
 *     timeout, so the client never writes into a connection being closed)
 * @param maxConnectionsPerPeer concurrent connections (so concurrent calls) per peer
 * @param maxPendingCalls calls waiting for a connection per peer, beyond which they fail
 * @param maxResponseBytes larger answers fail as MALFORMED
 * @param ioThreads Netty event loops (0: Netty's default)
 */
public record ClientLimits(
    Duration connectTimeout,
    Duration requestTimeout,
    Duration idleTimeout,
    int maxConnectionsPerPeer,
    int maxPendingCalls,
    int maxResponseBytes,
    int ioThreads) {
  public ClientLimits {
    requireNonNull(connectTimeout, "connectTimeout");
    requireNonNull(requestTimeout, "requestTimeout");
    requireNonNull(idleTimeout, "idleTimeout");
    if (maxConnectionsPerPeer < 1 || maxPendingCalls < 0 || maxResponseBytes < 1 || ioThreads < 0) {
      throw new IllegalArgumentException(
          "client limits: connections "
              + maxConnectionsPerPeer
              + ", pending "
              + maxPendingCalls
              + ", response bytes "
              + maxResponseBytes
              + ", io threads "
              + ioThreads
              + " (expected: positive, pending and threads >= 0)");
    }
  }

  public static ClientLimits defaults() {
    return new ClientLimits(
        Duration.ofSeconds(5),
        Duration.ofSeconds(30),
        Duration.ofSeconds(30),
        16,
        1024,
        16 << 20,
        0);
  }

  public ClientLimits withRequestTimeout(Duration timeout) {
    return new ClientLimits(
        connectTimeout,
        timeout,
        idleTimeout,
        maxConnectionsPerPeer,
        maxPendingCalls,
        maxResponseBytes,
        ioThreads);
  }

  public ClientLimits withMaxConnectionsPerPeer(int connections) {
    return new ClientLimits(
        connectTimeout,
        requestTimeout,
        idleTimeout,
        connections,
        maxPendingCalls,
        maxResponseBytes,
        ioThreads);
  }

  public ClientLimits withIoThreads(int threads) {
    return new ClientLimits(
        connectTimeout,
        requestTimeout,
        idleTimeout,
        maxConnectionsPerPeer,
        maxPendingCalls,
        maxResponseBytes,
        threads);
  }
}
