package io.aurelius.node.cli.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aurelius.node.cli.AureliusCommand;
import io.aurelius.node.cli.CliContext;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aurelius devnet --epochs 1 --keep-running}, run as a user runs it (the command, in this
 * JVM): after the summary, epochs keep coming, numbered from 1; and every node's {@code /metrics}
 * is the Prometheus text format with one family per quantity (promtool agrees, when installed), the
 * families the docs and the Grafana dashboard name, and the JVM's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveDevnetIT {
  private static final Pattern NODE =
      Pattern.compile("^(chain|miner-1|validator-1)\\s+127\\.0\\.0\\.1:(\\d+)\\s");
  private static final Pattern METRIC_NAME = Pattern.compile("\\b((?:aurelius|jvm|process)_\\w+)");

  @TempDir static Path work;
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Map<String, Integer> ports = new HashMap<>();
  private Thread devnet;
  private final int[] exit = {-1};

  @BeforeAll
  void startAndFinishTheFirstEpoch() throws Exception {
    Writer sink = new LineSink(lines);
    CliContext context =
        new CliContext(new PrintWriter(sink, true), new PrintWriter(sink, true), Map.of(), work);
    devnet =
        new Thread(
            () ->
                exit[0] =
                    AureliusCommand.run(
                        new String[] {
                          "devnet", "--epochs", "1", "--keep-running", "--home", "devnet"
                        },
                        context),
            "live-devnet");
    devnet.start();
    awaitLine(l -> l.startsWith("devnet up; epochs keep coming"), Duration.ofMinutes(4));
    for (String line : lines) {
      Matcher m = NODE.matcher(line);
      if (m.find()) {
        ports.put(m.group(1), Integer.parseInt(m.group(2)));
      }
    }
    assertThat(ports).containsOnlyKeys("chain", "miner-1", "validator-1");
    // A refusal on each node, so its refusal family has a sample (families without one are not
    // exported).
    for (int port : ports.values()) {
      HttpResponse<String> refused =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/no-such"))
                      .POST(HttpRequest.BodyPublishers.noBody())
                      .timeout(Duration.ofSeconds(10))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(refused.statusCode()).isEqualTo(404);
    }
  }

  @AfterAll
  void stop() throws InterruptedException {
    if (devnet != null) {
      devnet.interrupt();
      devnet.join(TimeUnit.SECONDS.toMillis(90));
      assertThat(devnet.isAlive()).as("the devnet stopped on interrupt").isFalse();
      assertThat(exit[0]).isZero();
    }
  }

  @Test
  void epochsKeepComingAfterTheSummaryNumberedFromOne() throws Exception {
    assertThat(lines)
        .anyMatch(l -> l.matches("validator-1 +epoch 1 started \\(chain epoch \\d+\\)"));
    assertThat(lines).anyMatch(l -> l.matches("  epoch 1 +validator-1 +set .*"));
    awaitLine(
        l -> l.matches("validator-1 +epoch 3 started \\(chain epoch \\d+\\)"),
        Duration.ofMinutes(5));
    assertThat(lines).anyMatch(l -> l.matches("validator-1 +epoch 2 done: .*weights set.*"));
    assertThat(lines).noneMatch(l -> l.matches(".* epoch 0 .*"));
    assertThat(devnet.isAlive()).as("still running").isTrue();
  }

  @Test
  void everyNodeExportsOneFamilyPerQuantityAndTheNamedOnes() throws Exception {
    String validator = scrape("validator-1");
    assertThat(families(validator).keySet())
        .contains(
            "aurelius_chain_height",
            "aurelius_neuron_stake",
            "aurelius_neuron_validator_trust",
            "aurelius_neuron_incentive",
            "aurelius_neuron_emission",
            "aurelius_validator_weight",
            "aurelius_validator_epochs_total",
            "aurelius_validator_submissions_total",
            "aurelius_epoch_step_seconds",
            "aurelius_model_calls_total",
            "aurelius_judge_calls_total",
            "aurelius_http_requests_total",
            "aurelius_http_refusals_total",
            "jvm_memory_used_bytes",
            "process_cpu_seconds_total")
        .doesNotContain(
            "aurelius_epochs_total",
            "aurelius_submissions_total",
            "aurelius_aenes_total",
            "aurelius_epoch_current");
    assertThat(validator)
        .containsPattern("(?m)^aurelius_epoch_step_seconds_count\\{step=\"simulate\"} [1-9]")
        .containsPattern("(?m)^aurelius_validator_weight\\{uid=\"\\d+\"} \\d")
        .containsPattern("(?m)^aurelius_neuron_stake\\{role=\"validator\",uid=\"\\d+\"} [1-9]");
    assertThat(families(scrape("miner-1")).keySet())
        .contains(
            "aurelius_miner_queries_total", "aurelius_http_requests_total", "jvm_threads_current");
    assertThat(families(scrape("chain")).keySet())
        .contains("aurelius_chain_height", "aurelius_neuron_incentive");
  }

  @Test
  void promtoolChecksEveryNodesMetrics() throws Exception {
    assumeTrue(
        onPath("promtool"),
        "promtool is not installed (.ci/setup installs Debian's prometheus package); skipped");
    for (String node : ports.keySet()) {
      Process p =
          new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
      p.getOutputStream().write(scrape(node).getBytes(StandardCharsets.UTF_8));
      p.getOutputStream().close();
      String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor()).as(node + ": " + said).isZero();
    }
  }

  @Test
  void everyMetricTheGrafanaDashboardUsesIsExported() throws Exception {
    Path dashboard =
        Path.of(System.getProperty("aurelius.root"), "docker/grafana/dashboards/aurelius.json");
    JsonNode root = new ObjectMapper().readTree(dashboard.toFile());
    Set<String> used = new TreeSet<>();
    for (JsonNode expr : root.findValues("expr")) {
      Matcher m = METRIC_NAME.matcher(expr.asText());
      while (m.find()) {
        used.add(m.group(1));
      }
    }
    assertThat(used).hasSizeGreaterThan(20);
    Set<String> exported = new TreeSet<>();
    for (String node : ports.keySet()) {
      exported.addAll(sampleNames(scrape(node)));
    }
    assertThat(exported).containsAll(used);
  }

  /** Family name to its TYPE lines' count; fails on a family declared twice. */
  private static Map<String, Integer> families(String text) {
    Map<String, Integer> out = new HashMap<>();
    Matcher m = Pattern.compile("(?m)^# TYPE (\\S+) (\\S+)$").matcher(text);
    while (m.find()) {
      out.merge(m.group(1), 1, Integer::sum);
    }
    assertThat(out.values()).as("families declared more than once").allMatch(n -> n == 1);
    return out;
  }

  private static Set<String> sampleNames(String text) {
    Set<String> out = new TreeSet<>();
    Matcher m = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]").matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private String scrape(String node) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + ports.get(node) + "/metrics"))
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(node).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain; version=0.0.4"));
    return response.body();
  }

  private void awaitLine(java.util.function.Predicate<String> wanted, Duration within)
      throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (lines.stream().noneMatch(wanted)) {
      assertThat(devnet.isAlive())
          .as("devnet ended (exit " + exit[0] + "): " + String.join("\n", lines))
          .isTrue();
      assertThat(System.nanoTime())
          .as("waited " + within + ":\n" + String.join("\n", lines))
          .isLessThan(deadline);
      Thread.sleep(200);
    }
  }

  private static boolean onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }

  /** Collects what the command prints, line by line, from any thread. */
  private static final class LineSink extends Writer {
    private final List<String> lines;
    private final StringBuilder partial = new StringBuilder();

    LineSink(List<String> lines) {
      this.lines = lines;
    }

    @Override
    public synchronized void write(char[] buf, int off, int len) {
      for (int i = off; i < off + len; i++) {
        if (buf[i] == '\n') {
          lines.add(partial.toString());
          partial.setLength(0);
        } else {
          partial.append(buf[i]);
        }
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() throws IOException {}
  }
}
