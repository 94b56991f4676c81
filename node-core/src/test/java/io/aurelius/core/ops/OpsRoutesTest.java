package io.aurelius.core.ops;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class OpsRoutesTest {
  private final AtomicReference<NodeStatus> status =
      new AtomicReference<>(NodeStatus.of("validator", "5Fhot", Service.State.RUNNING));
  private final MetricsRegistry registry = new MetricsRegistry();
  private final ServerSpec spec =
      OpsRoutes.addTo(
              ServerSpec.builder(Ed25519KeyPair.generate(), new InMemoryPeerDirectory()),
              status::get,
              registry)
          .build();

  private PlainHttpResponse get(String path) throws Exception {
    return spec.routes()
        .plain(path)
        .orElseThrow()
        .handler()
        .handle(new PlainHttpRequest("GET", path, "", Map.of(), new byte[0], "127.0.0.1"));
  }

  private static JsonNode json(PlainHttpResponse r) {
    return Json.parse(r.body(), "body", JsonLimits.UNTRUSTED);
  }

  @Test
  void healthIs200WithRoleAndStatusWhileRunningAnd503Otherwise() throws Exception {
    PlainHttpResponse ok = get("/healthz");
    assertThat(ok.status()).isEqualTo(200);
    assertThat(json(ok).get("role").textValue()).isEqualTo("validator");
    assertThat(json(ok).get("status").textValue()).isEqualTo("running");

    status.set(NodeStatus.of("validator", "5Fhot", Service.State.STOPPING));
    PlainHttpResponse stopping = get("/healthz");
    assertThat(stopping.status()).isEqualTo(503);
    assertThat(json(stopping).get("status").textValue()).isEqualTo("stopping");

    status.set(NodeStatus.of("validator", "5Fhot", Service.State.RUNNING).withProblem("db locked"));
    PlainHttpResponse sick = get("/healthz");
    assertThat(sick.status()).isEqualTo(503);
    assertThat(json(sick).get("problem").textValue()).isEqualTo("db locked");
  }

  @Test
  void metricsAreTheRegistryInPrometheusText() throws Exception {
    registry.counter("aurelius_epochs_total", "Epochs completed.").inc();
    PlainHttpResponse metrics = get("/metrics");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.headers().get("content-type")).startsWith("text/plain; version=0.0.4");
    assertThat(new String(metrics.body(), StandardCharsets.UTF_8))
        .contains("# TYPE aurelius_epochs_total counter")
        .contains("aurelius_epochs_total 1");
  }

  @Test
  void statusCarriesFactsAndTheDashboardLabelsSimOutput() throws Exception {
    status.set(
        status.get().with("chain_height", 42).with("models", List.of("openai:http://x/v1#sim")));
    JsonNode body = json(get("/status.json"));
    assertThat(body.get("healthy").booleanValue()).isTrue();
    assertThat(body.get("facts").get("chain_height").intValue()).isEqualTo(42);

    String page = new String(get("/").body(), StandardCharsets.UTF_8);
    assertThat(page).contains("dashboard.js").contains(">sim<");
    String script = new String(get("/dashboard.js").body(), StandardCharsets.UTF_8);
    assertThat(script).contains("status.json").doesNotContain("innerHTML =");
  }

  @Test
  void unknownPathsBelowTheDashboardAre404() throws Exception {
    assertThat(get("/nope").status()).isEqualTo(404);
    assertThat(get("/healthz/x").status()).isEqualTo(404);
  }
}
