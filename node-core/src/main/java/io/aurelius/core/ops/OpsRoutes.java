package io.aurelius.core.ops;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.aurelius.core.json.Json;
import io.aurelius.core.metrics.MetricsRegistry;
import io.aurelius.core.transport.PlainHttpRequest;
import io.aurelius.core.transport.PlainHttpResponse;
import io.aurelius.core.transport.ServerSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Adds the operator routes to a node's server: {@code GET /healthz}, {@code GET /metrics}, {@code
 * GET /status.json}, the web console's JSON API ({@code GET /api/v1/...}, when the node has one)
 * and its front end at {@code GET /} (or, in a build without it, the plain status page and {@code
 * /dashboard.js}). Every other path below {@code /} that no other route claims answers 404. The
 * server exports its own counters (requests, responses, refusals, connections) to the same
 * registry, so {@code /metrics} shows them too, beside the JVM's and the process's metrics.
 *
 * <pre>{@code
 * OpsRoutes.addTo(ServerSpec.builder(hotkey, directory), () -> status(), registry);
 * }</pre>
 */
public final class OpsRoutes {
  public static final String HEALTH = "/healthz";
  public static final String METRICS = "/metrics";
  public static final String STATUS = "/status.json";
  public static final String DASHBOARD = "/";
  public static final String DASHBOARD_SCRIPT = "/dashboard.js";
  static final String PROMETHEUS_TEXT = MetricsRegistry.CONTENT_TYPE;

  private static final byte[] PAGE = resource("dashboard.html");
  private static final byte[] SCRIPT = resource("dashboard.js");

  private OpsRoutes() {}

  /** Mounts the routes; {@code source} is asked on every request. */
  public static ServerSpec.Builder addTo(
      ServerSpec.Builder builder, StatusSource source, MetricsRegistry registry) {
    return addTo(builder, source, registry, Console.NONE);
  }

  /**
   * Mounts the routes and the console: its API below {@value ApiRoutes#PREFIX} (when it has routes)
   * and its front end at {@code /} (when it has one; else the plain status page).
   */
  public static ServerSpec.Builder addTo(
      ServerSpec.Builder builder, StatusSource source, MetricsRegistry registry, Console console) {
    requireNonNull(builder, "builder");
    requireNonNull(source, "source");
    requireNonNull(registry, "registry");
    requireNonNull(console, "console");
    Set<String> get = Set.of("GET", "HEAD");
    if (!console.api().isEmpty()) {
      builder.plain(ApiRoutes.PREFIX, ApiRoutes.METHODS, new ApiRoutes(console.api()));
    }
    registry.withRuntimeMetrics();
    return builder
        .metrics(registry)
        .plain(HEALTH, get, request -> health(source.status()))
        .plain(
            METRICS,
            get,
            request ->
                PlainHttpResponse.of(
                    200, PROMETHEUS_TEXT, registry.scrape().getBytes(StandardCharsets.UTF_8)))
        .plain(STATUS, get, request -> json(200, statusJson(source.status())))
        .plain(
            DASHBOARD,
            get,
            request ->
                console
                    .assets()
                    .map(a -> a.serve(request).orElseGet(() -> notFound(request)))
                    .orElseGet(() -> dashboard(request)));
  }

  private static PlainHttpResponse notFound(PlainHttpRequest request) {
    return PlainHttpResponse.text(404, "not found: " + request.path() + "\n");
  }

  static PlainHttpResponse health(NodeStatus status) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("role", status.role());
    body.put("hotkey", status.hotkey());
    body.put("status", status.state().name().toLowerCase(Locale.ROOT));
    status.problem().ifPresent(p -> body.put("problem", p));
    return json(status.healthy() ? 200 : 503, body);
  }

  static Map<String, Object> statusJson(NodeStatus status) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("role", status.role());
    body.put("hotkey", status.hotkey());
    body.put("status", status.state().name().toLowerCase(Locale.ROOT));
    body.put("healthy", status.healthy());
    status.problem().ifPresent(p -> body.put("problem", p));
    body.put("facts", status.facts());
    return body;
  }

  private static PlainHttpResponse dashboard(PlainHttpRequest request) {
    return switch (request.path()) {
      case DASHBOARD, "/index.html" -> PlainHttpResponse.of(200, "text/html; charset=utf-8", PAGE);
      case DASHBOARD_SCRIPT -> PlainHttpResponse.of(200, "text/javascript; charset=utf-8", SCRIPT);
      default -> notFound(request);
    };
  }

  private static PlainHttpResponse json(int status, Map<String, Object> body) {
    try {
      return new PlainHttpResponse(
          status,
          Map.of("content-type", "application/json", "cache-control", "no-store"),
          Json.prettyWriter().writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      return PlainHttpResponse.text(
          500, "status not serialisable: " + e.getOriginalMessage() + "\n");
    }
  }

  private static byte[] resource(String name) {
    try (InputStream in = OpsRoutes.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource io/aurelius/core/ops/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
