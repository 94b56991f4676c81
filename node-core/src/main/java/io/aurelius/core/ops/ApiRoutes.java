package io.aurelius.core.ops;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.core.json.Json;
import io.aurelius.core.transport.PlainHttpHandler;
import io.aurelius.core.transport.PlainHttpRequest;
import io.aurelius.core.transport.PlainHttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Serves the console's read-only JSON API below {@value #PREFIX}: one exact path per {@link
 * ApiRoute}, GET or HEAD only, no body, a bounded query. An unknown path is a 404 and a bad query a
 * 400, each with a one-line JSON {@code error}; nothing is computed before the path is known.
 */
public final class ApiRoutes implements PlainHttpHandler {
  public static final String PREFIX = "/api/v1/";
  static final Set<String> METHODS = Set.of("GET", "HEAD");
  static final Map<String, String> HEADERS =
      Map.of(
          "content-type", "application/json",
          "cache-control", "no-store",
          "x-content-type-options", "nosniff");

  private final Map<String, ApiHandler> routes = new LinkedHashMap<>();

  public ApiRoutes(List<ApiRoute> routes) {
    for (ApiRoute r : routes) {
      if (this.routes.putIfAbsent(r.path(), r.handler()) != null) {
        throw new IllegalArgumentException("api route " + r.path() + ": mounted twice");
      }
    }
  }

  /** The mounted paths, in the order given. */
  public List<String> paths() {
    return List.copyOf(routes.keySet());
  }

  @Override
  public PlainHttpResponse handle(PlainHttpRequest request) {
    requireNonNull(request, "request");
    ApiHandler handler = routes.get(request.path());
    if (handler == null) {
      return error(404, "no API route " + request.path() + " (see " + PREFIX + "openapi.json)");
    }
    try {
      JsonNode body = handler.answer(ApiQuery.parse(request.query()));
      return new PlainHttpResponse(200, HEADERS, Json.prettyWriter().writeValueAsBytes(body));
    } catch (ApiQuery.BadQueryException e) {
      return error(400, e.getMessage());
    } catch (ApiQuery.NotFoundException e) {
      return error(404, e.getMessage());
    } catch (Exception e) {
      return error(503, request.path() + ": " + e.getMessage());
    }
  }

  private static PlainHttpResponse error(int status, String message) {
    try {
      return new PlainHttpResponse(
          status,
          HEADERS,
          Json.prettyWriter().writeValueAsBytes(Json.newObject().put("error", message)));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return PlainHttpResponse.text(status, message + "\n");
    }
  }
}
