package io.aurelius.core.chain.substrate.rpc;

import java.util.Set;

/** Which JSON-RPC methods may be sent again when the connection was lost before their answer. */
public final class SafeMethods {
  private static final Set<String> READ_PREFIXES =
      Set.of("chain_get", "state_get", "state_call", "state_query", "system_", "rpc_methods");

  private SafeMethods() {}

  /** Reads of chain and state: yes. Submitting, subscribing, anything else: no. */
  public static boolean isSafeToRetry(String method) {
    return READ_PREFIXES.stream().anyMatch(method::startsWith) && !method.contains("subscribe");
  }
}
