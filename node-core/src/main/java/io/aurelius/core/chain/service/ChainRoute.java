package io.aurelius.core.chain.service;

import java.util.Optional;

/** The chain's RPCs as signed-protocol routes; every request and response body is JSON. */
public enum ChainRoute {
  /** {} → chain id, netuid, tempo, head block, weight setting, authority. */
  INFO("/v1/chain/info"),
  /** {"with_weights": bool} → the metagraph. */
  METAGRAPH("/v1/chain/metagraph"),
  /** {"account": ss58} → balance, next nonce, owned stake. */
  ACCOUNT("/v1/chain/account"),
  /** {"extrinsic": {...}} → a receipt: accepted with its block, or rejected with a reason. */
  SUBMIT("/v1/chain/submit"),
  /** {"number": n} → the signed block as stored. */
  BLOCK("/v1/chain/block");

  private final String path;

  ChainRoute(String path) {
    this.path = path;
  }

  public String path() {
    return path;
  }

  public static Optional<ChainRoute> byPath(String path) {
    for (ChainRoute r : values()) {
      if (r.path.equals(path)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
