package io.aurelius.core.transport;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.crypto.Signer;
import io.aurelius.core.metrics.MetricsRegistry;
import io.aurelius.core.protocol.PeerDirectory;
import io.aurelius.core.protocol.ProtocolClock;
import io.aurelius.core.protocol.ProtocolIdentity;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Everything a node's server needs, gathered before it starts: the hotkey it answers as, the
 * directory it asks about senders, where it binds, its limits and its routes. Domain modules add
 * their routes to a builder without knowing the server implementation.
 *
 * <pre>{@code
 * ServerSpec spec = ServerSpec.builder(hotkeyPair, directory)
 *     .bind(new InetSocketAddress("0.0.0.0", 8091))
 *     .route("config/list", call -> library.list())
 *     .plain("/healthz", Set.of("GET"), request -> PlainHttpResponse.text(200, "ok\n"))
 *     .build();
 * }</pre>
 */
public record ServerSpec(
    ProtocolIdentity identity,
    PeerDirectory directory,
    InetSocketAddress bind,
    ServerLimits limits,
    RouteTable routes,
    ProtocolClock clock,
    String name,
    MetricsRegistry metrics) {
  public ServerSpec {
    requireNonNull(identity, "identity");
    requireNonNull(directory, "directory");
    requireNonNull(bind, "bind");
    requireNonNull(limits, "limits");
    requireNonNull(routes, "routes");
    requireNonNull(clock, "clock");
    requireNonNull(name, "name");
    requireNonNull(metrics, "metrics");
  }

  public static Builder builder(Signer hotkey, PeerDirectory directory) {
    return new Builder(requireNonNull(hotkey, "hotkey"), requireNonNull(directory, "directory"));
  }

  public static final class Builder {
    private final Signer hotkey;
    private final PeerDirectory directory;
    private InetSocketAddress bind = new InetSocketAddress("127.0.0.1", 0);
    private ServerLimits limits = ServerLimits.defaults();
    private ProtocolClock clock = ProtocolClock.SYSTEM;
    private String name = "aurelius-http";
    private MetricsRegistry metrics = new MetricsRegistry();
    private final List<PendingRoute> routes = new ArrayList<>();
    private final List<PlainRoute> plainRoutes = new ArrayList<>();

    /** A signed route whose body limit may still be the server default (empty). */
    private record PendingRoute(String name, OptionalInt maxBodyBytes, RouteHandler handler) {}

    private Builder(Signer hotkey, PeerDirectory directory) {
      this.hotkey = hotkey;
      this.directory = directory;
    }

    /** Where to listen; port 0 picks a free port (read it back from the running server). */
    public Builder bind(InetSocketAddress address) {
      this.bind = requireNonNull(address, "address");
      return this;
    }

    public Builder limits(ServerLimits limits) {
      this.limits = requireNonNull(limits, "limits");
      return this;
    }

    public Builder clock(ProtocolClock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /** Names the server's threads ({@code <name>-io-N}, {@code <name>-worker-N}, ...). */
    public Builder name(String name) {
      this.name = requireNonNull(name, "name");
      return this;
    }

    /**
     * Where the server exports its counters ({@code aurelius_http_*}: responses, refusals by route
     * and reason, connections); the registry {@code /metrics} scrapes. Without it they are only in
     * {@code ProtocolServer.stats()}.
     */
    public Builder metrics(MetricsRegistry registry) {
      this.metrics = requireNonNull(registry, "registry");
      return this;
    }

    /** A signed route {@code POST /v1/<name>} with the server's default body limit. */
    public Builder route(String name, RouteHandler handler) {
      ProtocolRoute.checkName(name);
      requireNonNull(handler, "handler");
      routes.add(new PendingRoute(name, OptionalInt.empty(), handler));
      return this;
    }

    /** A signed route with its own body limit in bytes. */
    public Builder route(String name, int maxBodyBytes, RouteHandler handler) {
      new ProtocolRoute(name, maxBodyBytes, handler); // validates here, where the caller sees it
      routes.add(new PendingRoute(name, OptionalInt.of(maxBodyBytes), handler));
      return this;
    }

    /** An unsigned route with no body (GET-style): exact path, or a prefix ending in '/'. */
    public Builder plain(String path, Set<String> methods, PlainHttpHandler handler) {
      return plain(path, methods, 0, handler);
    }

    public Builder plain(
        String path, Set<String> methods, int maxBodyBytes, PlainHttpHandler handler) {
      plainRoutes.add(new PlainRoute(path, methods, maxBodyBytes, handler));
      return this;
    }

    /**
     * An unsigned route whose work is expensive (git): it runs on the bulk workers with the bulk
     * body budget, so a flood of it cannot delay {@code /healthz}, {@code /metrics} or signed
     * calls.
     */
    public Builder bulk(
        String path, Set<String> methods, int maxBodyBytes, PlainHttpHandler handler) {
      plainRoutes.add(new PlainRoute(path, methods, maxBodyBytes, handler, PlainRoute.Lane.BULK));
      return this;
    }

    public ServerSpec build() {
      List<ProtocolRoute> resolved = new ArrayList<>();
      for (PendingRoute r : routes) {
        int limit = r.maxBodyBytes().orElse(limits.maxBodyBytes());
        if (limit > limits.maxBufferedBytes()) {
          throw new IllegalArgumentException(
              "route "
                  + r.name()
                  + ": body limit "
                  + limit
                  + " (expected: at most maxBufferedBytes "
                  + limits.maxBufferedBytes()
                  + ")");
        }
        resolved.add(new ProtocolRoute(r.name(), limit, r.handler()));
      }
      for (PlainRoute r : plainRoutes) {
        long budget =
            r.lane() == PlainRoute.Lane.BULK
                ? limits.maxBulkBufferedBytes()
                : limits.maxBufferedBytes();
        if (r.maxBodyBytes() > budget) {
          throw new IllegalArgumentException(
              "plain route "
                  + r.path()
                  + ": body limit "
                  + r.maxBodyBytes()
                  + " (expected: at most its lane's budget "
                  + budget
                  + ")");
        }
      }
      return new ServerSpec(
          new ProtocolIdentity(hotkey, clock),
          directory,
          bind,
          limits,
          new RouteTable(resolved, plainRoutes),
          clock,
          name,
          metrics);
    }
  }
}
