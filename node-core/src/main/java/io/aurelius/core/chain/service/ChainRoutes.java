package io.aurelius.core.chain.service;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.protocol.ProtocolStatus;
import io.aurelius.core.transport.CallRefusedException;
import io.aurelius.core.transport.ServerSpec;

/**
 * Adds the chain's routes to a node server: each {@link ChainRoute} served by {@link
 * ChainService#handle}, with a body limit of {@link ChainService#MAX_REQUEST_BYTES}. An unreadable
 * body is refused with 400, an unknown block with 404. Pair the server with a {@link ChainPeers}
 * directory so that unregistered keys can reach it.
 */
public final class ChainRoutes {
  private ChainRoutes() {}

  public static ServerSpec.Builder addTo(ServerSpec.Builder builder, ChainService service) {
    requireNonNull(builder, "builder");
    requireNonNull(service, "service");
    for (ChainRoute route : ChainRoute.values()) {
      builder.route(
          route.routeName(),
          ChainService.MAX_REQUEST_BYTES,
          call -> {
            try {
              return service.handle(route, call.body());
            } catch (ChainRequestException e) {
              throw new CallRefusedException(
                  e.status() == 404 ? ProtocolStatus.NOT_FOUND : ProtocolStatus.BAD_REQUEST,
                  e.getMessage());
            }
          });
    }
    return builder;
  }
}
