package io.aurelius.core.chain.extrinsic;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.chain.Endpoint;

/** Changes the endpoint of the signing (registered) hotkey. */
public record ServeEndpoint(int netuid, Endpoint endpoint) implements Call {
  public ServeEndpoint {
    Call.checkNetuid(netuid);
    requireNonNull(endpoint, "endpoint");
  }

  @Override
  public String type() {
    return "serve_endpoint";
  }

  @Override
  public SignedBy signedBy() {
    return SignedBy.HOTKEY;
  }
}
