package io.aurelius.core.transport;

import java.util.Map;

/**
 * A snapshot of a server's counters: responses by status, handler invocations, connections turned
 * away at the limit, requests cut off for arriving too slowly, and the current queue and connection
 * counts.
 */
public record ServerStats(
    Map<Integer, Long> responsesByStatus,
    long handlerCalls,
    long connectionsRefused,
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
