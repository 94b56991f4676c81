package io.aurelius.node.cli.simllm;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.node.cli.CommandRunner;
import io.aurelius.node.cli.ExitCode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aurelius sim-llm} as a user runs it: it listens, answers, injects faults, and stops. */
class SimLlmCommandIT {
  @TempDir Path dir;

  @Test
  void servesTheSimModelUntilStopped() throws Exception {
    AtomicReference<CommandRunner.Result> result = new AtomicReference<>();
    Thread server =
        new Thread(
            () ->
                result.set(
                    new CommandRunner(Map.of("AURELIUS_ERROR_RATE", "1"), dir)
                        .run(
                            "sim-llm",
                            "--listen",
                            "127.0.0.1:0",
                            "--port-file",
                            "port",
                            "--fault-requests",
                            "1")));
    server.start();
    Path portFile = dir.resolve("port");
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!Files.exists(portFile) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    int port = Integer.parseInt(Files.readString(portFile).strip());
    HttpClient client = HttpClient.newHttpClient();
    String base = "http://127.0.0.1:" + port;
    assertThat(
            client
                .send(
                    HttpRequest.newBuilder(URI.create(base + "/v1/models")).build(),
                    HttpResponse.BodyHandlers.ofString())
                .body())
        .contains("\"id\":\"sim\"");
    HttpRequest chat =
        HttpRequest.newBuilder(URI.create(base + "/v1/chat/completions"))
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"model\":\"sim\",\"messages\":[{\"role\":\"user\","
                        + "\"content\":\"The lake holds 60 fish.\"}]}"))
            .build();
    assertThat(client.send(chat, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(500);
    HttpResponse<String> ok = client.send(chat, HttpResponse.BodyHandlers.ofString());
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body())
        .contains("\"model\":\"sim\"")
        .contains("\"system_fingerprint\":\"aurelius-sim\"");
    server.interrupt();
    server.join(10_000);
    assertThat(result.get().exitCode()).isEqualTo(ExitCode.OK);
    assertThat(result.get().out())
        .contains("sim-llm listening on http://127.0.0.1:" + port + "/v1 (OpenAI)")
        .contains(
            "faults: latency fixed:0ms, 500s 1.0, 429s 0.0, malformed 0.0, hangs 0.0 (first 1 requests)")
        .contains("sim-llm stopped: 2 requests: 1 answered (0 malformed), 1 500s");
  }

  @Test
  void badFlagsAreOneLine() {
    CommandRunner.Result r = new CommandRunner(Map.of(), dir).run("sim-llm", "--latency", "soon");
    assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(r.err().strip())
        .isEqualTo(
            "error: --latency: 'soon' (expected: a duration with its unit, like 250ms, 2s or 1m)");
    r = new CommandRunner(Map.of(), dir).run("sim-llm", "--error-rate", "2");
    assertThat(r.err().strip()).isEqualTo("error: --error-rate: 2.0 (expected: 0..1)");
  }
}
