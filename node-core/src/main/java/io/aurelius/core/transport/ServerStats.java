package io.aurelius.core.transport;

import java.util.Map;

/**
 * A snapshot of a server's counters: responses by status, handler invocations, connections turned
 * away at the limit, quiet connections closed to make room for new ones, connections closed for
 * sending nothing, requests cut off for arriving too slowly, and the current queue and connection
 * counts.
 */
public record ServerStats(
    Map<Integer, Long> responsesByStatus,
    long handlerCalls,
    long connectionsRefused,
    long connectionsDisplaced,
    long silentConnectionsClosed,
    long slowRequestsCut,
    int queued,
    int openConnections) {
  public ServerStats {
    responsesByStatus = Map.copyOf(responsesByStatus);
  }

  public long responses(int status) {
    return responsesByStatus.getOrDefault(status, 0L);
  }
}
