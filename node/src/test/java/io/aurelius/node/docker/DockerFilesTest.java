package io.aurelius.node.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The files in {@code docker/}, read as a first-time user's Docker would (no engine runs here):
 * nothing blocks a command that does not need a setting, the image's user owns its home, the
 * launcher is on PATH, the compose file runs the whole subnet with Prometheus and Grafana; and,
 * when the tools are installed ({@code .ci/setup} installs them), {@code docker compose config} (or
 * Compose v1's {@code docker-compose config}) and hadolint accept the files.
 */
class DockerFilesTest {
  private static final Path ROOT = Path.of(System.getProperty("aurelius.testdata")).getParent();
  private static final Path DOCKER = ROOT.resolve("docker");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void composeRunsTheSubnetWithPrometheusAndGrafanaAndBlocksNoCommand() throws IOException {
    String text = Files.readString(DOCKER.resolve("compose.yaml"));
    assertThat(text).as("a ${VAR:?} stops every command, keys new too").doesNotContain(":?");
    JsonNode services = YAML.readTree(text).get("services");
    List<String> names = new ArrayList<>();
    services.fieldNames().forEachRemaining(names::add);
    assertThat(names)
        .containsExactlyInAnyOrder("chain", "model", "miner", "validator", "prometheus", "grafana");
    for (String node : List.of("chain", "model", "miner", "validator")) {
      assertThat(services.get(node).get("environment").has("AURELIUS_LISTEN"))
          .as(node + " listens with the one name, --listen")
          .isTrue();
    }
    JsonNode grafana = services.get("grafana");
    assertThat(grafana.get("volumes").toString())
        .contains("./grafana/provisioning:/etc/grafana/provisioning")
        .contains("./grafana/dashboards:/var/lib/grafana/dashboards");
    assertThat(Files.readString(DOCKER.resolve("grafana/provisioning/dashboards/aurelius.yaml")))
        .contains("path: /var/lib/grafana/dashboards");
    assertThat(Files.readString(DOCKER.resolve("grafana/provisioning/datasources/prometheus.yaml")))
        .contains("url: http://prometheus:9090");
    assertThat(services.get("prometheus").get("volumes").toString())
        .contains("./prometheus/prometheus.yml:/etc/prometheus/prometheus.yml");
    String scrape = Files.readString(DOCKER.resolve("prometheus/prometheus.yml"));
    assertThat(scrape).contains("chain:9944", "miner:8091", "validator:8092");
  }

  @Test
  void theImageRunsAsItsUserWithItsHomeAndTheLauncherOnPath() throws IOException {
    String dockerfile = Files.readString(DOCKER.resolve("Dockerfile"));
    assertThat(dockerfile)
        .contains("install -d -o aurelius -g aurelius -m 0700 /home/aurelius/.aurelius")
        .contains("ln -s /opt/aurelius/aurelius /usr/local/bin/aurelius")
        .contains("ENTRYPOINT [\"aurelius\"]")
        .containsPattern("(?m)^USER 10001:10001$");
    int home = dockerfile.indexOf("install -d -o aurelius");
    assertThat(home).as("home created before VOLUME").isLessThan(dockerfile.indexOf("VOLUME"));
    assertThat(Files.readString(ROOT.resolve("aurelius")))
        .as("the launcher finds its jar through the PATH symlink")
        .contains("readlink -f");
  }

  @Test
  void composeConfigAcceptsTheFile() throws Exception {
    Optional<List<String>> compose =
        onPath("docker") && run(List.of("docker", "compose", "version")).exit() == 0
            ? Optional.of(List.of("docker", "compose"))
            : onPath("docker-compose") ? Optional.of(List.of("docker-compose")) : Optional.empty();
    assumeTrue(
        compose.isPresent(),
        "neither the docker compose plugin nor docker-compose is installed; skipped");
    List<String> command = new ArrayList<>(compose.get());
    command.addAll(List.of("-f", DOCKER.resolve("compose.yaml").toString(), "config", "-q"));
    Result r = run(command);
    assertThat(r.exit()).as(r.output()).isZero();
  }

  @Test
  void hadolintAcceptsTheDockerfile() throws Exception {
    Path venvTool = ROOT.resolve(".venv-tools/bin/hadolint");
    Optional<String> hadolint =
        Files.isExecutable(venvTool)
            ? Optional.of(venvTool.toString())
            : onPath("hadolint") ? Optional.of("hadolint") : Optional.empty();
    assumeTrue(hadolint.isPresent(), "hadolint is not installed (.ci/setup installs it); skipped");
    Result r = run(List.of(hadolint.get(), "--no-color", DOCKER.resolve("Dockerfile").toString()));
    assertThat(r.exit()).as(r.output()).isZero();
  }

  private record Result(int exit, String output) {}

  private static Result run(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
    return new Result(p.exitValue(), out);
  }

  private static boolean onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }
}
