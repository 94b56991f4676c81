package io.aurelius.node.cli.module;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.config.catalogue.Catalogue;
import io.aurelius.config.module.ModuleRegistry;
import io.aurelius.config.module.ShippedModules;
import io.aurelius.node.cli.CommandRunner;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.validator.publish.WorldModelRepository;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A module from file to adoption to a simulated, replayed run, as a user types it. */
class ModuleCommandTest {
  @TempDir Path dir;
  private CommandRunner cli;

  @BeforeEach
  void setUp() throws Exception {
    cli = new CommandRunner(Map.of("AURELIUS_HOME", dir.resolve("home").toString()), dir);
    for (String name : ShippedModules.names()) {
      Files.write(dir.resolve(name + ".json"), ShippedModules.bytes(name).orElseThrow());
    }
  }

  private CommandRunner.Result ok(String... args) {
    CommandRunner.Result r = cli.run(args);
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
    return r;
  }

  @Test
  void validatePrintsKindNameAndIdOrEachProblemWithItsReason() throws Exception {
    CommandRunner.Result r = ok("module", "validate", "whisper.json", "recollect.json");
    assertThat(r.out())
        .contains("whisper.json: valid mechanic_pack whisper, id ")
        .contains("recollect.json: valid memory_policy recollect, id ");
    String id = ok("module", "id", "whisper.json").out().strip();
    assertThat(r.out()).contains(id);

    Files.writeString(
        dir.resolve("bad.json"),
        Files.readString(dir.resolve("whisper.json")).replace("\"whisper_tell\"", "\"tell\""));
    CommandRunner.Result bad = cli.run("module", "validate", "bad.json");
    assertThat(bad.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(bad.err().lines())
        .containsExactly(
            "bad.json: $.actions[0].name: [namespace] \"tell\" (expected: a name starting with"
                + " \"whisper_\")");
  }

  @Test
  void adoptedModulesRunAndReplayUnderTheRegistryVersion() throws Exception {
    ok("keys", "new", "--legacy", "--kind", "hotkey", "--name", "v1");
    CommandRunner.Result adopted =
        ok("module", "adopt", "promises.json", "--registry", "wm", "--hotkey", "v1");
    assertThat(adopted.out()).startsWith("adopted mechanic_pack promises ");
    String id = ok("module", "id", "promises.json").out().strip();

    CommandRunner.Result again =
        cli.run("module", "adopt", "promises.json", "--registry", "wm", "--hotkey", "v1");
    assertThat(again.exitCode()).isEqualTo(ExitCode.BAD_INPUT);

    String registry = ok("module", "registry", "wm").out();
    assertThat(registry).contains("mechanic_pack promises " + id + " signed by 1");
    String version =
        registry.lines().filter(l -> l.startsWith("current: ")).findFirst().orElseThrow();
    assertThat(version).startsWith("current: 1:");

    String config =
        new String(Catalogue.bytes("orchard_watch_promises").orElseThrow(), StandardCharsets.UTF_8)
            .replaceFirst("\\{", "{\"imports\": [{\"module\": \"" + id + "\"}],");
    Files.writeString(dir.resolve("orchard.json"), config);
    CommandRunner.Result plain = cli.run("simulate", "orchard.json", "--model", "sim");
    assertThat(plain.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(plain.err()).contains("[not_adopted]");

    ok(
        "simulate",
        "orchard.json",
        "--model",
        "sim",
        "--registry",
        "wm",
        "--seeds",
        "1",
        "--out",
        "t.jsonl");
    String transcript = Files.readString(dir.resolve("t.jsonl"));
    assertThat(transcript)
        .contains("\"world_model\":\"" + version.substring("current: ".length()) + "\"")
        .contains("promises_give");
    CommandRunner.Result replay = ok("simulate", "--replay", "t.jsonl");
    assertThat(replay.out()).contains("2 of 2 runs reproduced");
  }

  @Test
  void aCloneOfAServedWorldModelVerifiesWithItsHistoryAndAnEditedOneDoesNot() throws Exception {
    ok("keys", "new", "--legacy", "--kind", "hotkey", "--name", "v1");
    ok("module", "adopt", "promises.json", "--registry", "wm", "--hotkey", "v1");
    ok("module", "adopt", "whisper.json", "--registry", "wm", "--hotkey", "v1");
    try (WorldModelRepository served = WorldModelRepository.open(dir.resolve("world-model.git"))) {
      assertThat(served.publish(ModuleRegistry.open(dir.resolve("wm")))).isEqualTo(2);
    }
    git("clone", "--quiet", dir.resolve("world-model.git").toString(), "clone");
    String version = ok("module", "registry", "wm").out().lines().reduce((a, b) -> b).orElseThrow();

    CommandRunner.Result clone = ok("module", "registry", "clone");
    assertThat(clone.out()).contains("history: one commit per adoption").endsWith(version + "\n");
    assertThat(ok("module", "registry", "world-model.git").out()).endsWith(version + "\n");

    Path file = dir.resolve("clone").resolve(ModuleRegistry.FILE);
    List<String> lines = Files.readAllLines(file);
    Files.write(file, lines.subList(0, 1));
    CommandRunner.Result edited = cli.run("module", "registry", "clone");
    assertThat(edited.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(edited.err()).contains("differs from the clone's last commit");

    // A history rewritten into one commit holding both adoptions is refused.
    Files.write(file, lines);
    git("-C", "clone", "reset", "--quiet", "--soft", "HEAD~1");
    git(
        "-C",
        "clone",
        "-c",
        "user.name=x",
        "-c",
        "user.email=x@x",
        "commit",
        "--quiet",
        "--amend",
        "-m",
        "both");
    CommandRunner.Result squashed = cli.run("module", "registry", "clone");
    assertThat(squashed.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(squashed.err()).contains("turns 0 adoptions into 2");
  }

  private void git(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
  }

  @Test
  void aForkNamesItsParentAndLineageWalksToIt() throws Exception {
    ok("module", "fork", "whisper.json", "--set-title", "A quiet word", "--out", "fork.json");
    Files.createDirectories(dir.resolve("store"));
    Files.copy(dir.resolve("whisper.json"), dir.resolve("store/whisper.json"));
    String parent = ok("module", "id", "whisper.json").out().strip();
    CommandRunner.Result lineage = ok("module", "lineage", "fork.json", "--store", "store");
    assertThat(lineage.out().lines().toList()).hasSize(3).contains(parent, "end: root");
    assertThat(ok("module", "schema").out()).contains("aurelius.module/1");
    assertThat(ok("module", "shipped").out().lines())
        .containsExactly("promises", "whisper", "recollect");
  }

  @Test
  void trialPrintsTheAbTableAndExitsByThePassRule() {
    CommandRunner.Result r =
        cli.run(
            "module",
            "trial",
            "promises.json",
            "--suite",
            "orchard_watch_promises",
            "--seeds",
            "3",
            "--model",
            "sim");
    assertThat(r.exitCode()).as(r.err()).isIn(ExitCode.OK, ExitCode.FAILURE);
    assertThat(r.out())
        .contains("candidate promises ", "1 configurations x 3 seeds x 2 framings")
        .contains("dlv", "immersion", "tokens_per_signal", "wall_ms", "invalid_actions")
        .contains("cel_failures", "replay_mismatch", "seed_spread");
    assertThat(r.out().lines().reduce((a, b) -> b).orElseThrow())
        .startsWith(r.exitCode() == ExitCode.OK ? "PASS (" : "FAIL (");
  }
}
