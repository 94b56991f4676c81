package io.aurelius.core.transport.netty;

import io.aurelius.core.protocol.GateDecision;
import io.aurelius.core.protocol.ResponseBinding;
import io.aurelius.core.transport.PlainRoute;
import io.aurelius.core.transport.ProtocolRoute;
import java.util.Map;
import java.util.Optional;

/** A request whose head was accepted and whose body is being read or served. */
sealed interface PendingCall {
  String requestId();

  boolean keepAlive();

  BodyBuffer body();

  /** The route's name in the route table, which labels its refusals. */
  String routeLabel();

  /** What a signed refusal of this call echoes; empty for plain calls. */
  Optional<ResponseBinding> binding();

  /**
   * A signed call; {@code target} is the request target as received, which its signature covers.
   */
  record Signed(
      ProtocolRoute route,
      GateDecision.Admitted admitted,
      String target,
      String requestId,
      boolean keepAlive,
      BodyBuffer body)
      implements PendingCall {
    @Override
    public String routeLabel() {
      return route.name();
    }

    /** Nothing is signed before the sender is authenticated, on a worker. */
    @Override
    public Optional<ResponseBinding> binding() {
      return Optional.empty();
    }
  }

  record Plain(
      PlainRoute route,
      String method,
      String path,
      String query,
      Map<String, String> headers,
      String remoteAddress,
      String requestId,
      boolean keepAlive,
      BodyBuffer body)
      implements PendingCall {
    @Override
    public String routeLabel() {
      return route.path();
    }

    @Override
    public Optional<ResponseBinding> binding() {
      return Optional.empty();
    }
  }
}
