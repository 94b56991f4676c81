package io.aurelius.core.chain.service;

import io.aurelius.core.transport.ProtocolRoute;
import java.util.Optional;

/**
 * The chain's RPCs as signed-protocol routes ({@code POST /v1/chain/...}); every request and
 * response body is JSON.
 */
public enum ChainRoute {
  /** {} → chain id, netuid, tempo, head block, weight setting, authority. */
  INFO("chain/info"),
  /** {"with_weights": bool} → the metagraph. */
  METAGRAPH("chain/metagraph"),
  /** {"account": ss58} → balance, next nonce, owned stake. */
  ACCOUNT("chain/account"),
  /** {"extrinsic": {...}} → a receipt: accepted with its block, or rejected with a reason. */
  SUBMIT("chain/submit"),
  /** {"number": n} → the signed block as stored. */
  BLOCK("chain/block");

  private final String routeName;

  ChainRoute(String routeName) {
    this.routeName = routeName;
  }

  /** The signed route's name, e.g. {@code chain/metagraph}. */
  public String routeName() {
    return routeName;
  }

  /** The request path, e.g. {@code /v1/chain/metagraph}. */
  public String path() {
    return ProtocolRoute.pathOf(routeName);
  }

  public static Optional<ChainRoute> byPath(String path) {
    for (ChainRoute r : values()) {
      if (r.path().equals(path)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
