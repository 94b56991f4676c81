package io.aurelius.node.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonLimits;
import io.aurelius.node.devnet.Devnet;
import io.aurelius.node.devnet.DevnetSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console against a whole devnet in this JVM (chain, sim model, three miners, two validators)
 * after one epoch: every route of the OpenAPI file answers on the role its tag names and nowhere
 * else, the front end is served with its headers, and the pages work in headless Chromium driven by
 * Playwright ({@code src/main/web/e2e/console.mjs}): they load without a script error or CSP
 * violation, the Pareto front and the corpus size are plotted with data, a search finds an aene and
 * an inclusion proof verifies in the page. Screenshots go to {@code target/console-screenshots/}.
 */
class ConsoleIT {
  @TempDir static Path work;
  private static Devnet devnet;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void startDevnet() throws Exception {
    devnet = Devnet.start(DevnetSettings.defaults(work.resolve("devnet")), line -> {});
    devnet.runEpochs(1);
  }

  @AfterAll
  static void stopDevnet() {
    if (devnet != null) {
      devnet.close();
    }
  }

  private static String validator() {
    return "http://127.0.0.1:" + devnet.validators().get(0).port();
  }

  private static String miner() {
    return "http://127.0.0.1:" + devnet.miners().get(0).port();
  }

  private static String chain() {
    return "http://127.0.0.1:" + devnet.chain().port();
  }

  private static HttpResponse<byte[]> get(String url, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
    headers.forEach(b::header);
    return HTTP.send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static JsonNode openapi() throws Exception {
    HttpResponse<byte[]> r = get(validator() + NodeConsole.OPENAPI, Map.of());
    assertThat(r.statusCode()).isEqualTo(200);
    return Json.parse(r.body(), "openapi.json", JsonLimits.UNTRUSTED);
  }

  @Test
  void everyDocumentedRouteAnswersOnItsRoleAndOnlyThere() throws Exception {
    JsonNode doc = openapi();
    Map<String, String> nodes =
        Map.of("validator", validator(), "miner", miner(), "chain", chain());
    Iterator<String> paths = doc.path("paths").fieldNames();
    int checked = 0;
    while (paths.hasNext()) {
      String path = paths.next();
      String tag = doc.path("paths").path(path).path("get").path("tags").path(0).asText();
      List<String> roles =
          switch (tag) {
            case "node" -> List.of("validator", "miner", "chain");
            case "chain" ->
                path.equals(ChainApi.METAGRAPH)
                    ? List.of("validator", "miner", "chain")
                    : List.of("chain");
            case "validator", "corpus" -> List.of("validator");
            case "miner" -> List.of("miner");
            default -> throw new AssertionError(path + ": unknown tag " + tag);
          };
      String query = path.equals(CorpusApi.ENTRY) ? "?index=0" : "";
      for (Map.Entry<String, String> node : nodes.entrySet()) {
        HttpResponse<byte[]> r = get(node.getValue() + path + query, Map.of());
        String body = new String(r.body(), StandardCharsets.UTF_8);
        if (roles.contains(node.getKey())) {
          assertThat(r.statusCode())
              .as("%s on the %s: %s", path, node.getKey(), body)
              .isEqualTo(200);
          assertThat(r.headers().firstValue("content-type")).contains("application/json");
          Json.parse(r.body(), path, JsonLimits.UNTRUSTED);
        } else {
          assertThat(r.statusCode()).as("%s on the %s", path, node.getKey()).isEqualTo(404);
        }
        checked++;
      }
    }
    assertThat(checked).isEqualTo(3 * doc.path("paths").size());

    JsonNode epochs = json(validator() + ValidatorApi.EPOCHS);
    assertThat(epochs.path("epochs").size()).isEqualTo(1);
    JsonNode latest = epochs.path("epochs").path(0);
    assertThat(latest.path("submissions").size()).isPositive();
    assertThat(latest.path("submissions").path(0).path("reason").asText()).isNotEmpty();
    assertThat(latest.path("miners").findValuesAsText("on_front")).contains("true");
    JsonNode found = json(validator() + CorpusApi.SEARCH + "?limit=1");
    assertThat(found.path("results").path(0).path("sim").asBoolean())
        .as("devnet aenes come from the sim model and say so")
        .isTrue();
    JsonNode models = json(validator() + ValidatorApi.MODELS);
    assertThat(models.path("models").path(0).path("sim").asBoolean()).isTrue();
    JsonNode judged = json(validator() + ValidatorApi.JUDGING).path("epochs").path(0);
    assertThat(judged.path("configurations").size()).isPositive();
    JsonNode configuration = judged.path("configurations").path(0);
    assertThat(configuration.path("sim").asBoolean()).isTrue();
    assertThat(configuration.path("alpha").has("dlv")).isTrue();
    assertThat(configuration.path("canaries").size()).isPositive();
    assertThat(configuration.path("judges").findValuesAsText("sim")).contains("true");
    JsonNode entry = json(validator() + CorpusApi.ENTRY + "?index=0");
    assertThat(entry.path("entry").path("aene").path("consequences").isArray()).isTrue();
    assertThat(entry.path("proof").path("audit_path").size()).isPositive();
    assertThat(get(validator() + ValidatorApi.EPOCHS + "?limit=500", Map.of()).statusCode())
        .isEqualTo(400);
  }

  private static JsonNode json(String url) throws Exception {
    HttpResponse<byte[]> r = get(url, Map.of());
    assertThat(r.statusCode()).as(url).isEqualTo(200);
    return Json.parse(r.body(), url, JsonLimits.UNTRUSTED);
  }

  @Test
  void theFrontEndIsServedWithAStrictPolicyOnEveryNode() throws Exception {
    for (String base : List.of(validator(), miner(), chain())) {
      HttpResponse<byte[]> index = get(base + "/", Map.of());
      assertThat(index.statusCode()).isEqualTo(200);
      assertThat(index.headers().firstValue("content-type")).contains("text/html; charset=utf-8");
      assertThat(index.headers().firstValue("content-security-policy").orElseThrow())
          .contains("script-src 'self'")
          .doesNotContain("unsafe");
      HttpResponse<byte[]> script = get(base + "/app.js", Map.of());
      assertThat(script.headers().firstValue("content-type"))
          .contains("text/javascript; charset=utf-8");
      String etag = script.headers().firstValue("etag").orElseThrow();
      assertThat(get(base + "/app.js", Map.of("If-None-Match", etag)).statusCode()).isEqualTo(304);
      assertThat(get(base + "/no-such-file.js", Map.of()).statusCode()).isEqualTo(404);
    }
  }

  @Test
  void thePagesWorkInHeadlessChromium() throws Exception {
    Optional<Path> chromium = chromium();
    assumeTrue(
        chromium.isPresent(),
        "Chromium is not installed (CHROMIUM unset, no chromium on PATH): .ci/setup installs the"
            + " Debian package; skipping the browser test");
    Path web = Path.of(System.getProperty("basedir", "."), "src", "main", "web");
    Path playwright = web.resolve("node_modules/playwright-core");
    assertThat(playwright)
        .as("playwright-core installed by the build's npm ci (not built with -Dconsole.skip)")
        .isDirectory();
    Path shots = Path.of(System.getProperty("basedir", "."), "target", "console-screenshots");
    ProcessBuilder pb =
        new ProcessBuilder("node", "e2e/console.mjs")
            .directory(web.toFile())
            .redirectErrorStream(true);
    pb.environment()
        .putAll(
            Map.of(
                "CHROMIUM", chromium.get().toString(),
                "VALIDATOR", validator(),
                "MINER", miner(),
                "CHAIN", chain(),
                "SCREENSHOTS", shots.toString()));
    Process p = pb.start();
    String out;
    try (var in = p.getInputStream()) {
      out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    boolean ended = p.waitFor(120, TimeUnit.SECONDS);
    if (!ended) {
      p.destroyForcibly();
    }
    System.out.println(out);
    assertThat(ended).as("the browser script ended in time").isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).contains("9 passed, 0 failed");
    for (String page : List.of("validator", "corpus", "miner", "chain")) {
      assertThat(shots.resolve(page + ".png")).isNotEmptyFile();
    }
  }

  static Optional<Path> chromium() {
    List<Path> candidates = new ArrayList<>();
    Optional.ofNullable(System.getenv("CHROMIUM")).map(Path::of).ifPresent(candidates::add);
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty()) {
        candidates.add(Path.of(dir, "chromium"));
      }
    }
    return candidates.stream().filter(Files::isExecutable).findFirst();
  }
}
