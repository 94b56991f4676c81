package io.aurelius.node.cli.miner;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.config.catalogue.Catalogue;
import io.aurelius.config.module.Module;
import io.aurelius.config.module.ModuleSet;
import io.aurelius.config.module.Modules;
import io.aurelius.config.module.ShippedModules;
import io.aurelius.miner.modules.MinerModules;
import io.aurelius.node.cli.CommandRunner;
import io.aurelius.node.cli.ExitCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aurelius miner module add|list}: a module into the miner's library, as a miner types it.
 */
class MinerModuleCommandTest {
  @TempDir Path work;

  private Path modules;

  private CommandRunner.Result run(String... args) {
    return new CommandRunner(Map.of("AURELIUS_HOME", work.resolve("home").toString()), work)
        .run(args);
  }

  @BeforeEach
  void setUp() throws IOException {
    modules = MinerModules.inHome(work.resolve("home"));
    for (String name : ShippedModules.names()) {
      Files.write(work.resolve(name + ".json"), ShippedModules.bytes(name).orElseThrow());
    }
    assertThat(run("keys", "new", "--legacy", "--kind", "hotkey", "--name", "m1").exitCode())
        .isZero();
  }

  private List<Path> files() throws IOException {
    if (!Files.isDirectory(modules)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(modules)) {
      return s.sorted().toList();
    }
  }

  @Test
  void addValidatesSignsAndWritesAModuleThatListShowsAndAConfigurationMayImport()
      throws IOException {
    Module recollect = ShippedModules.load("recollect", ModuleSet.BASE);
    String importing =
        new String(Catalogue.bytes("oyster_reef_commons").orElseThrow(), StandardCharsets.UTF_8)
            .replaceFirst("\\{", "{\"imports\": [{\"module\": \"" + recollect.id().hex() + "\"}],");
    Files.writeString(work.resolve("reef.json"), importing);
    CommandRunner.Result before = run("miner", "add", "reef.json");
    assertThat(before.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(before.err()).contains("[not_adopted]");

    CommandRunner.Result added = run("miner", "module", "add", "recollect.json", "--hotkey", "m1");
    assertThat(added.exitCode()).as(added.err()).isZero();
    assertThat(added.out())
        .startsWith("added memory_policy recollect " + recollect.id().hex() + " (recollect.json");
    assertThat(files()).hasSize(1);
    Path file = files().get(0);
    assertThat(file.getFileName().toString())
        .isEqualTo("recollect-" + recollect.id().shortHex() + ".json");
    var written = Modules.validate(Files.readAllBytes(file), ModuleSet.BASE);
    assertThat(written.problems()).as("the signature verifies").isEmpty();
    assertThat(written.module().orElseThrow().id()).isEqualTo(recollect.id());
    assertThat(written.module().orElseThrow().info().signature())
        .as("signed by the miner")
        .isPresent();

    CommandRunner.Result list = run("miner", "module", "list");
    assertThat(list.exitCode()).isZero();
    assertThat(list.out().lines())
        .contains("1 module")
        .anyMatch(l -> l.matches(recollect.id().shortHex() + " +memory_policy +recollect +-"));

    assertThat(run("miner", "module", "add", "recollect.json").out())
        .as("already there: nothing to sign, no key needed")
        .startsWith("already in the miner's modules: memory_policy recollect");
    assertThat(files()).hasSize(1);

    CommandRunner.Result reef = run("miner", "add", "reef.json");
    assertThat(reef.exitCode())
        .as("its import resolves against the miner's modules " + reef.err())
        .isZero();
    assertThat(reef.out()).startsWith("added ");
  }

  @Test
  void aRefusedModuleAddsNothingAndSaysWhyInOneLineWithItsReason() throws IOException {
    Files.writeString(
        work.resolve("bad.json"),
        Files.readString(work.resolve("whisper.json")).replace("\"whisper_tell\"", "\"tell\""));
    CommandRunner.Result r =
        run("miner", "module", "add", "recollect.json", "bad.json", "--hotkey", "m1");
    assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(r.err().lines())
        .containsExactly(
            "bad.json: $.actions[0].name: [namespace] \"tell\" (expected: a name starting with"
                + " \"whisper_\")",
            "error: 1 of 2 files refused (expected: valid modules); nothing added");
    assertThat(files()).isEmpty();

    CommandRunner.Result unsigned = run("miner", "module", "add", "recollect.json");
    assertThat(unsigned.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(unsigned.err()).startsWith("error: --hotkey: missing");
    assertThat(files()).isEmpty();
    assertThat(run("miner", "module", "list").out()).contains("0 modules");
  }
}
