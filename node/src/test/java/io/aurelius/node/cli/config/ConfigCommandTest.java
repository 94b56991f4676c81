package io.aurelius.node.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.config.catalogue.Catalogue;
import io.aurelius.core.testing.TestData;
import io.aurelius.node.cli.CommandRunner;
import io.aurelius.node.cli.ExitCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCommandTest {
  @TempDir Path dir;
  private CommandRunner cli;
  private Path commons;

  @BeforeEach
  void setUp() throws IOException {
    cli = new CommandRunner(Map.of(), dir);
    commons = dir.resolve("commons.json");
    Files.write(commons, Catalogue.bytes("oyster_reef_commons").orElseThrow());
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  private String[] listing() throws IOException {
    try (var files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
    }
  }

  @Test
  void validateAcceptsAValidFileAndTheCatalogue() {
    CommandRunner.Result r = cli.run("config", "validate", "commons.json", "--catalogue");
    assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(r.out())
        .contains("commons.json: valid, id ")
        .contains("catalogue/pine_forest_generations.json: valid, id ");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void validatePrintsEveryProblemOnePerLineAndExitsTwo() throws IOException {
    String bad =
        Files.readString(commons)
            .replace("\"name\": \"tomas\"", "\"name\": \"Tomas\"")
            .replace("\"memory_window\": 4", "\"memory_window\": 40");
    write("bad.json", bad);
    CommandRunner.Result r = cli.run("config", "validate", "bad.json", "commons.json");
    assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(r.err().lines())
        .contains(
            "bad.json: $.agents[1].name: \"Tomas\" (expected: ^[a-z][a-z0-9_]{1,29}$)",
            "bad.json: $.memory_window: 40 (expected: 0..20)");
    assertThat(r.out()).contains("commons.json: valid");
  }

  @Test
  void badInputClassesAreOneLineAndExitTwo() throws IOException {
    write("malformed.json", "{\"format\": ");
    write("dupe.json", "{\"a\": 1, \"a\": 2}");
    Files.write(
        dir.resolve("latin1.json"),
        "{\"name\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));
    write("deep.json", "[".repeat(100) + "]".repeat(100));
    write("huge.json", " ".repeat(70_000) + "{}");
    for (String file :
        new String[] {
          "malformed.json", "dupe.json", "latin1.json", "deep.json", "huge.json", "missing.json"
        }) {
      CommandRunner.Result r = cli.run("config", "validate", file);
      assertThat(r.exitCode()).as(file).isEqualTo(ExitCode.BAD_INPUT);
      assertThat(r.err().strip().lines()).as(file).hasSize(1);
      assertThat(r.err()).as(file).contains(file);
    }
  }

  @Test
  void celErrorsAndDanglingReferencesAreBadInput() throws IOException {
    write(
        "cel.json",
        Files.readString(commons)
            .replace("\"precondition\": \"world.reef > 0\"", "\"precondition\": \"world.reef >\"")
            .replace(
                "\"actors\": [\"*\"],\n      \"narration\"",
                "\"actors\": [\"nobody\"],\n      \"narration\""));
    CommandRunner.Result r = cli.run("config", "validate", "cel.json");
    assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(r.err())
        .contains("cel.json: $.actions[0].precondition: syntax error at 12")
        .contains("cel.json: $.actions[1].actors[0]: \"nobody\" names no agent");
  }

  /** Issue 16, finding 4: this pattern passed validation, then cost ~1.7 s per evaluation. */
  @Test
  void aRegexBombIsBadInputNamingWhereItIs() throws IOException {
    write(
        "bomb.json",
        Files.readString(commons)
            .replace(
                "\"precondition\": \"world.reef > 0\"",
                "\"precondition\": \"world.reef > 0 && 'aaa'.matches('((a{100}){100}){100}')\""));
    long t0 = System.nanoTime();
    CommandRunner.Result r = cli.run("config", "validate", "bomb.json");
    long millis = (System.nanoTime() - t0) / 1_000_000;
    assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(r.err().strip())
        .isEqualTo(
            "bomb.json: $.actions[0].precondition: limit exceeded at 32: pattern would compile to"
                + " about 1020202 instructions (expected: at most 200)");
    assertThat(millis).as("refused from its text, never compiled").isLessThan(5_000);
  }

  @Test
  void lintWarnsByDefaultAndFailsWhenStrict() throws IOException {
    write(
        "leaky.json",
        Files.readString(commons)
            .replace("It is early September", "This is a simulation. It is early September"));
    CommandRunner.Result warn = cli.run("config", "lint", "leaky.json");
    assertThat(warn.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(warn.err())
        .contains(
            "leaky.json: warning: $.framings.immersive.premise@10: "
                + "\"simulation\" tells the agent it is being evaluated");
    assertThat(warn.out()).contains("leaky.json: 1 finding");
    CommandRunner.Result strict = cli.run("config", "lint", "leaky.json", "--strict");
    assertThat(strict.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(strict.err()).contains("leaky.json: error: ");
    CommandRunner.Result env =
        new CommandRunner(Map.of("AURELIUS_STRICT_ENABLED", "true"), dir)
            .run("config", "lint", "leaky.json");
    assertThat(env.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    CommandRunner.Result clean = cli.run("config", "lint", "--strict", "--catalogue");
    assertThat(clean.exitCode()).isEqualTo(ExitCode.OK);
  }

  @Test
  void idIsStableAndSchemaPrints() throws IOException {
    CommandRunner.Result id = cli.run("config", "id", "commons.json");
    assertThat(id.exitCode()).isEqualTo(ExitCode.OK);
    write("compact.json", Files.readString(commons).replaceAll("\\n\\s*", " "));
    assertThat(cli.run("config", "id", "compact.json").out()).isEqualTo(id.out());
    assertThat(id.out().strip()).matches("[0-9a-f]{64}");
    CommandRunner.Result schema = cli.run("config", "schema");
    assertThat(schema.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(schema.out())
        .contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"");
  }

  @Test
  void forkWritesAValidChildAndNothingOnBadInput() throws IOException {
    String parentId = cli.run("config", "id", "commons.json").out().strip();
    write("patch.json", "{\"world\": {\"state\": {\"spat_fall\": {\"initial\": 3}}}}");
    CommandRunner.Result r =
        cli.run(
            "config",
            "fork",
            "commons.json",
            "--out",
            "child.json",
            "--set-name",
            "oyster_reef_lean_year",
            "--patch",
            "patch.json");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
    assertThat(Files.readString(dir.resolve("child.json")))
        .contains("\"parent\" : \"" + parentId + "\"");
    assertThat(cli.run("config", "validate", "child.json").exitCode()).isEqualTo(ExitCode.OK);
    CommandRunner.Result lineage = cli.run("config", "lineage", "child.json", "--store", ".");
    assertThat(lineage.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(lineage.out().lines()).element(1).isEqualTo(parentId);
    assertThat(lineage.out()).endsWith("end: root\n");

    String[] before = listing();
    assertThat(cli.run("config", "fork", "commons.json", "--out", "same.json").exitCode())
        .isEqualTo(ExitCode.BAD_INPUT);
    write("breaks.json", "{\"memory_window\": 99}");
    CommandRunner.Result invalid =
        cli.run("config", "fork", "commons.json", "--out", "x.json", "--patch", "breaks.json");
    assertThat(invalid.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(invalid.err()).contains("x.json: $.memory_window: 99 (expected: 0..20)");
    assertThat(
            cli.run(
                    "config",
                    "fork",
                    "commons.json",
                    "--out",
                    "child.json",
                    "--set-name",
                    "other_name")
                .err())
        .contains("child.json: already exists");
    assertThat(listing()).containsExactly(concat(before, "breaks.json"));
  }

  private static String[] concat(String[] a, String b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + 1);
    out[a.length] = b;
    java.util.Arrays.sort(out);
    return out;
  }

  @Test
  void importAndExportV1RoundTrip() throws IOException {
    Path fixture = TestData.path("aurelius-v1", "juvenile_sentencing_dilemma_v18.json");
    Files.copy(fixture, dir.resolve("v1.json"));
    assertThat(cli.run("config", "import-v1", "v1.json", "--out", "new.json").exitCode())
        .isEqualTo(ExitCode.OK);
    CommandRunner.Result exported = cli.run("config", "export-v1", "new.json");
    assertThat(exported.exitCode()).isEqualTo(ExitCode.OK);
    var original =
        io.aurelius.core.json.Json.parse(
            Files.readAllBytes(fixture), "f", io.aurelius.core.json.JsonLimits.UNTRUSTED);
    var back =
        io.aurelius.core.json.Json.parse(
            exported.out(), "out", io.aurelius.core.json.JsonLimits.UNTRUSTED);
    assertThat(io.aurelius.core.json.CanonicalJson.string(back))
        .isEqualTo(io.aurelius.core.json.CanonicalJson.string(original));
  }

  @Test
  void invalidV1IsRejectedWithItsPathAndWritesNothing() throws IOException {
    Files.copy(
        TestData.path("aurelius-v1", "invalid", "predictive_policing_civil_liberties_v15.json"),
        dir.resolve("bad_v1.json"));
    CommandRunner.Result r = cli.run("config", "import-v1", "bad_v1.json", "--out", "out.json");
    assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(r.err().strip())
        .isEqualTo(
            "bad_v1.json: schema_v1: $.agents[1].name: 36 characters (expected: at most 30)");
    assertThat(dir.resolve("out.json")).doesNotExist();
    CommandRunner.Result export = cli.run("config", "export-v1", "commons.json");
    assertThat(export.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(export.err())
        .contains(
            "commons.json: export-v1: $.agents: 3 agents (expected: " + "exactly 2 for schema_v1)");
  }

  @Test
  void catalogueListsAndShows() {
    CommandRunner.Result list = cli.run("config", "catalogue");
    assertThat(list.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(list.out().lines()).hasSize(Catalogue.names().size());
    assertThat(list.out()).contains("valley_road_coalition").contains("coalition_forming");
    assertThat(cli.run("config", "catalogue", "--show", "keel_sale_trust").out())
        .contains("\"name\" : \"keel_sale_trust\"");
    assertThat(cli.run("config", "catalogue", "--show", "nope").exitCode())
        .isEqualTo(ExitCode.BAD_INPUT);
  }

  @Test
  void helpWorksOnEveryConfigCommand() {
    for (String sub :
        new String[] {
          "validate",
          "lint",
          "id",
          "schema",
          "fork",
          "lineage",
          "import-v1",
          "export-v1",
          "catalogue"
        }) {
      CommandRunner.Result r = cli.run("config", sub, "--help");
      assertThat(r.exitCode()).as(sub).isEqualTo(ExitCode.OK);
      assertThat(r.out()).as(sub).contains("Usage: aurelius config " + sub);
    }
    assertThat(cli.run("config").out()).contains("validate");
    assertThat(cli.run().out()).contains("config");
    assertThat(cli.run("config", "validate").exitCode()).isEqualTo(ExitCode.BAD_INPUT);
  }
}
