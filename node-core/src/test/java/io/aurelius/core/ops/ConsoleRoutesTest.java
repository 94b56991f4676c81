package io.aurelius.core.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonLimits;
import io.aurelius.core.metrics.MetricsRegistry;
import io.aurelius.core.protocol.InMemoryPeerDirectory;
import io.aurelius.core.service.Service;
import io.aurelius.core.transport.PlainHttpRequest;
import io.aurelius.core.transport.PlainHttpResponse;
import io.aurelius.core.transport.ServerSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The console's API and front end as {@link OpsRoutes} mounts them. */
class ConsoleRoutesTest {
  private static final List<String> FILES = List.of("index.html", "app.js");
  private final Optional<StaticAssets> assets =
      StaticAssets.fromClassPath(
          ConsoleRoutesTest.class.getClassLoader(), "io/aurelius/core/ops/testweb", FILES);
  private final ServerSpec spec =
      OpsRoutes.addTo(
              ServerSpec.builder(Ed25519KeyPair.generate(), new InMemoryPeerDirectory()),
              () -> NodeStatus.of("miner", "5Fhot", Service.State.RUNNING),
              new MetricsRegistry(),
              new Console(
                  List.of(
                      new ApiRoute(
                          "/api/v1/echo",
                          q ->
                              Json.newObject()
                                  .put("limit", q.number("limit", 10, 1, 50))
                                  .put("q", q.text("q").orElse(""))),
                      new ApiRoute(
                          "/api/v1/missing",
                          q -> {
                            throw new ApiQuery.NotFoundException("entry 9: past the end");
                          })),
                  assets))
          .build();

  private PlainHttpResponse get(String path, String query, Map<String, String> headers)
      throws Exception {
    return spec.routes()
        .plain(path)
        .orElseThrow()
        .handler()
        .handle(new PlainHttpRequest("GET", path, query, headers, new byte[0], "127.0.0.1"));
  }

  private PlainHttpResponse get(String path, String query) throws Exception {
    return get(path, query, Map.of());
  }

  private static JsonNode json(PlainHttpResponse r) {
    return Json.parse(r.body(), "body", JsonLimits.UNTRUSTED);
  }

  @Test
  void anApiRouteAnswersJsonWithItsDecodedBoundedParameters() throws Exception {
    PlainHttpResponse r = get("/api/v1/echo", "limit=20&q=open%20door");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.headers()).containsEntry("content-type", "application/json");
    assertThat(r.headers()).containsEntry("cache-control", "no-store");
    assertThat(json(r).get("limit").asInt()).isEqualTo(20);
    assertThat(json(r).get("q").asText()).isEqualTo("open door");
  }

  @Test
  void badParametersUnknownPathsAndMissingItemsAreOneLineJsonErrors() throws Exception {
    PlainHttpResponse tooMany = get("/api/v1/echo", "limit=5000");
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(json(tooMany).get("error").asText())
        .isEqualTo("query parameter limit: '5000' (expected: a whole number in 1..50)");
    assertThat(get("/api/v1/echo", "limit=ten").status()).isEqualTo(400);
    PlainHttpResponse huge = get("/api/v1/echo", "q=" + "x".repeat(2000));
    assertThat(huge.status()).isEqualTo(400);
    assertThat(json(huge).get("error").asText()).contains("at most 1024");
    PlainHttpResponse unknown = get("/api/v1/nothing", "");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(json(unknown).get("error").asText()).contains("/api/v1/openapi.json");
    PlainHttpResponse missing = get("/api/v1/missing", "");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(json(missing).get("error").asText()).isEqualTo("entry 9: past the end");
  }

  @Test
  void theFrontEndIsServedWithItsTypeAStrictPolicyAndRevalidation() throws Exception {
    PlainHttpResponse index = get("/", "");
    assertThat(index.status()).isEqualTo(200);
    assertThat(index.headers()).containsEntry("content-type", "text/html; charset=utf-8");
    assertThat(index.headers().get("content-security-policy"))
        .contains("default-src 'none'", "script-src 'self'", "frame-ancestors 'none'")
        .doesNotContain("unsafe-inline", "unsafe-eval");
    assertThat(index.headers()).containsEntry("cache-control", "no-cache");
    assertThat(index.headers()).containsEntry("x-content-type-options", "nosniff");
    PlainHttpResponse script = get("/app.js", "");
    assertThat(script.headers()).containsEntry("content-type", "text/javascript; charset=utf-8");
    String etag = script.headers().get("etag");
    assertThat(etag).startsWith("\"").endsWith("\"");
    PlainHttpResponse again = get("/app.js", "", Map.of("if-none-match", etag));
    assertThat(again.status()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    assertThat(get("/dashboard.js", "").status()).isEqualTo(404);
  }

  @Test
  void withoutAFrontEndTheNodeKeepsThePlainStatusPage() throws Exception {
    assertThat(
            StaticAssets.fromClassPath(
                ConsoleRoutesTest.class.getClassLoader(), "io/aurelius/core/ops/none", FILES))
        .isEmpty();
    ServerSpec plain =
        OpsRoutes.addTo(
                ServerSpec.builder(Ed25519KeyPair.generate(), new InMemoryPeerDirectory()),
                () -> NodeStatus.of("miner", "5Fhot", Service.State.RUNNING),
                new MetricsRegistry())
            .build();
    PlainHttpResponse api =
        plain
            .routes()
            .plain("/api/v1/node")
            .orElseThrow()
            .handler()
            .handle(
                new PlainHttpRequest("GET", "/api/v1/node", "", Map.of(), new byte[0], "local"));
    assertThat(api.status()).as("no API without a console").isEqualTo(404);
    PlainHttpResponse page =
        plain
            .routes()
            .plain("/dashboard.js")
            .orElseThrow()
            .handler()
            .handle(
                new PlainHttpRequest("GET", "/dashboard.js", "", Map.of(), new byte[0], "local"));
    assertThat(page.status()).isEqualTo(200);
  }

  @Test
  void anApiPathMustBeExactAndBelowThePrefix() {
    assertThatThrownBy(() -> new ApiRoute("/status", q -> Json.newObject()))
        .hasMessageContaining("expected: an exact path below /api/v1/");
    assertThatThrownBy(() -> new ApiRoute("/api/v1/x/", q -> Json.newObject()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
