package io.aurelius.node.cli.miner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.config.ConfigLoader;
import io.aurelius.config.catalogue.Catalogue;
import io.aurelius.config.validation.Limits;
import io.aurelius.core.json.Json;
import io.aurelius.miner.library.ConfigLibrary;
import io.aurelius.node.cli.CommandRunner;
import io.aurelius.node.cli.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MinerCommandTest {
  @TempDir Path work;

  private CommandRunner.Result run(String... args) {
    return new CommandRunner(Map.of("AURELIUS_HOME", work.resolve("home").toString()), work)
        .run(args);
  }

  private String catalogueFile(int index) throws IOException {
    String name = Catalogue.names().get(index);
    Path file = work.resolve(name + ".json");
    Files.write(file, Catalogue.bytes(name).orElseThrow());
    return file.getFileName().toString();
  }

  private static String id(int index) {
    return Catalogue.load(Catalogue.names().get(index)).orElseThrow().id().hex();
  }

  private String write(String file, ObjectNode doc) throws IOException {
    Files.write(work.resolve(file), Json.prettyWriter().writeValueAsBytes(doc));
    return file;
  }

  private static ObjectNode catalogueDoc(int index) {
    return (ObjectNode)
        Json.parse(Catalogue.bytes(Catalogue.names().get(index)).orElseThrow(), "c", Limits.JSON);
  }

  private int librarySize() {
    try (ConfigLibrary library = ConfigLibrary.open(ConfigLibrary.inHome(work.resolve("home")))) {
      return library.snapshot().configs().size();
    }
  }

  @Test
  void everyMinerCommandHasHelp() {
    for (String verb : new String[] {"add", "list", "fork", "run"}) {
      CommandRunner.Result r = run("miner", verb, "--help");
      assertThat(r.exitCode()).as(verb).isZero();
      assertThat(r.out()).startsWith("Usage: aurelius miner " + verb);
    }
    assertThat(run("miner").out()).contains("add", "list", "fork", "run");
  }

  @Test
  void addsValidFilesAndListsThemAsATable() throws IOException {
    CommandRunner.Result added = run("miner", "add", catalogueFile(0), catalogueFile(1));
    assertThat(added.exitCode()).as(added.err()).isZero();
    assertThat(added.out())
        .contains("added " + id(0) + " " + Catalogue.names().get(0))
        .contains("added " + id(1));
    CommandRunner.Result list = run("miner", "list");
    assertThat(list.exitCode()).isZero();
    assertThat(list.out().lines().toList()).hasSize(4);
    assertThat(list.out().lines().findFirst().orElseThrow()).matches("ID +NAME +PARENT +ADDED");
    assertThat(list.out())
        .containsPattern(
            id(0).substring(0, 12)
                + " +"
                + Catalogue.names().get(0)
                + " +- +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d")
        .contains("2 configurations");
  }

  @Test
  void aDuplicateIsReportedAndSkipped() throws IOException {
    run("miner", "add", catalogueFile(0));
    CommandRunner.Result again = run("miner", "add", catalogueFile(0));
    assertThat(again.exitCode()).isZero();
    assertThat(again.out()).contains("already in the library: " + id(0));
    assertThat(librarySize()).isEqualTo(1);
  }

  @Test
  void anInvalidFileIsRefusedWithOneLineProblemsAndNothingIsAdded() throws IOException {
    ObjectNode broken = catalogueDoc(2);
    broken.put("name", "Bad Name");
    broken.remove("agents");
    String good = catalogueFile(0);
    CommandRunner.Result r = run("miner", "add", good, write("broken.json", broken));
    assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(r.err())
        .contains("broken.json: $.name: ")
        .contains("broken.json: $.agents")
        .contains(
            "error: 1 of 2 files refused (expected: valid, lint-clean configurations); "
                + "nothing added");
    assertThat(r.out()).isEmpty();
    assertThat(librarySize()).isZero();
  }

  @Test
  void lintFindingsAreRefusedByDefaultAndWarningsWhenStrictLintIsOff() throws IOException {
    ObjectNode dirty = catalogueDoc(0);
    ((ObjectNode) dirty.withArray("agents").get(0))
        .put("goal", "I want to win this game and keep the reef alive for my family.");
    String file = write("dirty.json", dirty);
    CommandRunner.Result strict = run("miner", "add", file);
    assertThat(strict.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(strict.err()).contains("dirty.json: $.agents[0].goal@").contains("'game'");
    assertThat(librarySize()).isZero();
    CommandRunner.Result lenient = run("miner", "add", "--strict-lint-enabled=false", file);
    assertThat(lenient.exitCode()).as(lenient.err()).isZero();
    assertThat(lenient.err()).contains("dirty.json: warning: $.agents[0].goal@");
    assertThat(librarySize()).isEqualTo(1);
  }

  @Test
  void theSizeLimitIsTheMinersOwn() throws IOException {
    CommandRunner.Result r = run("miner", "add", "--max-config-bytes", "1000", catalogueFile(0));
    assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(r.err()).contains("canonical bytes (expected: at most 1000");
    assertThat(run("miner", "add", "--max-config-bytes", "0", catalogueFile(0)).err())
        .contains("--max-config-bytes: 0 (expected: 1..65536)");
  }

  @Test
  void missingAndUnreadableFilesAreBadInput() {
    CommandRunner.Result r = run("miner", "add", "nope.json");
    assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(r.err())
        .isEqualTo("error: nope.json: no such file (expected: a configuration " + "file)\n");
  }

  @Test
  void forkRefusesABadReferenceBeforeFetching() {
    CommandRunner.Result noId = run("miner", "fork", "http://127.0.0.1:1/git/configs.git");
    assertThat(noId.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(noId.err()).contains("has no #ID (expected: URL#ID");
    CommandRunner.Result unreachable =
        run("miner", "fork", "http://127.0.0.1:1/git/configs.git#abcdef0123", "--set-name", "x_y");
    assertThat(unreachable.exitCode()).isEqualTo(ExitCode.FAILURE);
    assertThat(unreachable.err())
        .startsWith("error: http://127.0.0.1:1/git/configs.git: " + "cannot fetch");
  }

  @Test
  void forkFromALocalLibraryRecordsTheParent() throws IOException {
    run("miner", "add", catalogueFile(3));
    Path source = ConfigLibrary.inHome(work.resolve("home"));
    CommandRunner.Result same = run("miner", "fork", source.toUri() + "#" + id(3));
    assertThat(same.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(same.err()).contains("fork: identical to its source");
    Files.writeString(work.resolve("patch.json"), "{\"title\": \"The levee, ten years on\"}");
    CommandRunner.Result forked =
        run(
            "miner",
            "fork",
            source.toUri() + "#" + id(3).substring(0, 10),
            "--set-name",
            "levee_later",
            "--patch",
            "patch.json");
    assertThat(forked.exitCode()).as(forked.err()).isZero();
    assertThat(forked.out())
        .contains("forked " + id(3))
        .contains("levee_later (parent " + id(3).substring(0, 12) + ")");
    assertThat(run("miner", "list").out())
        .containsPattern("levee_later +" + id(3).substring(0, 12));
    try (ConfigLibrary library = ConfigLibrary.open(source)) {
      var fork = library.snapshot().configs().get(1);
      assertThat(ConfigLoader.load(fork.bytes(), "fork").config().title())
          .isEqualTo("The levee, ten years on");
    }
  }

  @Test
  void runNeedsAHotkeyAndAtLeastOneValidator() {
    CommandRunner.Result noValidator =
        run("miner", "run", "--hotkey", "miner", "--listen", "127.0.0.1:0");
    assertThat(noValidator.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(noValidator.err()).contains("--validator: none given");
    CommandRunner.Result badValidator =
        run("miner", "run", "--hotkey", "miner", "--validator", "5Fnotakey");
    assertThat(badValidator.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(badValidator.err()).startsWith("error: --validator: ");
    CommandRunner.Result noKey =
        run("miner", "run", "--validator", "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY");
    assertThat(noKey.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(noKey.err()).contains("--hotkey: missing");
    CommandRunner.Result unknownKey =
        run(
            "miner",
            "run",
            "--hotkey",
            "ghost",
            "--validator",
            "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY");
    assertThat(unknownKey.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(unknownKey.err()).contains("--hotkey: ").contains("ghost");
  }

  @Test
  void aPortInUseIsAFailureWithTheAddress() throws IOException {
    assertThat(run("keys", "new", "--legacy", "--name", "miner").exitCode()).isZero();
    try (java.net.ServerSocket taken =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      CommandRunner.Result r =
          run(
              "miner",
              "run",
              "--hotkey",
              "miner",
              "--listen",
              "127.0.0.1:" + taken.getLocalPort(),
              "--validator",
              "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY");
      assertThat(r.exitCode()).isEqualTo(ExitCode.FAILURE);
      assertThat(r.err())
          .startsWith("error: miner did not start on 127.0.0.1:" + taken.getLocalPort() + ": ")
          .contains("in use");
      assertThat(r.err().lines()).hasSize(1);
      // the old names still work, each with a one-line warning
      CommandRunner.Result old =
          run(
              "miner",
              "run",
              "--hotkey",
              "miner",
              "--listen-host",
              "127.0.0.1",
              "--port",
              String.valueOf(taken.getLocalPort()),
              "--validator",
              "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY");
      assertThat(old.exitCode()).isEqualTo(ExitCode.FAILURE);
      assertThat(old.err().lines())
          .containsExactly(
              "warning: --listen-host is deprecated; use --listen HOST:PORT (env AURELIUS_LISTEN,"
                  + " config key listen)",
              "warning: --port is deprecated; use --listen HOST:PORT (env AURELIUS_LISTEN,"
                  + " config key listen)",
              "error: miner did not start on 127.0.0.1:"
                  + taken.getLocalPort()
                  + ": Address already in use");
    }
    assertThat(work.resolve("home").resolve("ports.json")).doesNotExist();
  }
}
