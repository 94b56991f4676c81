package io.aurelius.miner.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurelius.config.CompiledConfig;
import io.aurelius.config.ConfigLoader;
import io.aurelius.config.catalogue.Catalogue;
import io.aurelius.config.lineage.Fork;
import io.aurelius.config.lineage.Lineage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLibraryTest {
  private static final Instant T1 = Instant.parse("2026-01-01T10:00:00Z");
  private static final Instant T2 = Instant.parse("2026-01-02T10:00:00Z");

  @TempDir Path home;

  private static CompiledConfig catalogue(int index) {
    return Catalogue.load(Catalogue.names().get(index)).orElseThrow();
  }

  private static CompiledConfig fork(CompiledConfig source, String name) {
    return ConfigLoader.load(
        Fork.of(
            source.document(),
            new Fork.Changes(Optional.empty(), Optional.of(name), Optional.empty())),
        "fork");
  }

  @Test
  void aNewLibraryIsABareRepositoryWithAReadmeAndNoConfigurations() throws IOException {
    Path dir = ConfigLibrary.inHome(home);
    try (ConfigLibrary library = ConfigLibrary.open(dir)) {
      assertThat(library.snapshot().configs()).isEmpty();
      assertThat(library.tip()).isPresent();
    }
    try (Repository repository = new FileRepositoryBuilder().setGitDir(dir.toFile()).build()) {
      assertThat(repository.isBare()).isTrue();
      assertThat(repository.getFullBranch()).isEqualTo("refs/heads/main");
    }
    assertThat(dir.getParent()).isEqualTo(home.resolve("miner"));
    try (var siblings = Files.list(dir.getParent())) {
      assertThat(siblings).containsExactly(dir); // no temporary directory left behind
    }
  }

  @Test
  void addingCommitsOneFilePerConfigurationAndListsThemInOrder() throws IOException {
    CompiledConfig first = catalogue(0);
    CompiledConfig second = catalogue(1);
    try (ConfigLibrary library = ConfigLibrary.open(ConfigLibrary.inHome(home))) {
      LibraryEntry a = library.add(first, T1);
      LibraryEntry b = library.add(second, T2);
      assertThat(a.path()).isEqualTo("configs/" + first.id().hex() + ".json");
      LibrarySnapshot snapshot = library.snapshot();
      assertThat(snapshot.entries()).containsExactly(a, b);
      assertThat(snapshot.entries().get(0).added()).isEqualTo(T1);
      assertThat(snapshot.entries().get(1).name()).isEqualTo(second.config().name());
      assertThat(snapshot.entries().get(1).title()).isEqualTo(second.config().title());
      assertThat(snapshot.unreadable()).isEmpty();
      assertThat(ConfigLoader.load(snapshot.configs().get(0).bytes(), "stored").id())
          .isEqualTo(first.id());
      assertThat(library.find(second.id())).contains(second.document());

      try (Repository repository =
              new FileRepositoryBuilder().setGitDir(library.directory().toFile()).build();
          RevWalk walk = new RevWalk(repository)) {
        RevCommit tip = walk.parseCommit(repository.resolve("refs/heads/main"));
        assertThat(tip.getShortMessage())
            .isEqualTo("Add " + second.config().name() + " (" + second.id().shortHex() + ")");
        assertThat(tip.getFooterLines("Config-Id")).containsExactly(second.id().hex());
        assertThat(tip.getParentCount()).isEqualTo(1);
        assertThat(walk.parseCommit(tip.getParent(0)).getFooterLines("Config-Id"))
            .containsExactly(first.id().hex());
      }
    }
  }

  @Test
  void aDuplicateIsRefusedAndChangesNothing() {
    try (ConfigLibrary library = ConfigLibrary.open(ConfigLibrary.inHome(home))) {
      library.add(catalogue(0), T1);
      String tip = library.tip().orElseThrow();
      assertThatThrownBy(() -> library.add(catalogue(0), T2))
          .isInstanceOf(LibraryException.class)
          .hasMessageContaining(catalogue(0).id().hex() + ": already in the library")
          .satisfies(
              e ->
                  assertThat(((LibraryException) e).kind())
                      .isEqualTo(LibraryException.Kind.DUPLICATE));
      assertThat(library.tip()).contains(tip);
    }
  }

  @Test
  void forksRecordTheirParentAndTheirLineageWalksThroughTheLibrary() {
    CompiledConfig root = catalogue(2);
    CompiledConfig child = fork(root, "child_scenario");
    CompiledConfig grandchild = fork(child, "grandchild_scenario");
    try (ConfigLibrary library = ConfigLibrary.open(ConfigLibrary.inHome(home))) {
      library.add(root, T1);
      library.add(child, T1);
      LibraryEntry added = library.add(grandchild, T2);
      assertThat(added.parent()).contains(child.id());
      Lineage lineage = library.lineage(grandchild.id()).orElseThrow();
      assertThat(lineage.chain()).containsExactly(grandchild.id(), child.id(), root.id());
      assertThat(lineage.end()).isInstanceOf(Lineage.End.Root.class);
      assertThat(library.snapshot().get(child.id()).orElseThrow().entry().parent())
          .contains(root.id());
    }
  }

  @Test
  void anotherWriterMovingTheBranchMakesAStaleWriteFailWithoutLosingTheirCommit()
      throws IOException {
    Path dir = ConfigLibrary.inHome(home);
    try (ConfigLibrary mine = ConfigLibrary.open(dir);
        ConfigLibrary theirs = ConfigLibrary.open(dir);
        Repository repository = new FileRepositoryBuilder().setGitDir(dir.toFile()).build()) {
      ObjectId stale = new LibraryWriter(repository).tip();
      theirs.add(catalogue(0), T1);
      assertThatThrownBy(
              () ->
                  new LibraryWriter(repository)
                      .commit(
                          stale, Map.of("configs/x.json", new byte[] {'{', '}'}), "stale\n", T2))
          .isInstanceOf(LibraryException.class)
          .satisfies(
              e ->
                  assertThat(((LibraryException) e).kind())
                      .isEqualTo(LibraryException.Kind.CONCURRENT_UPDATE));
      // a second library object sees the other's addition and adds on top of it
      mine.add(catalogue(1), T2);
      assertThat(theirs.snapshot().entries())
          .extracting(LibraryEntry::id)
          .containsExactly(catalogue(0).id(), catalogue(1).id());
    }
  }

  @Test
  void filesThatAreNotConfigurationsAreReportedNotListed() throws IOException {
    Path dir = ConfigLibrary.inHome(home);
    try (ConfigLibrary library = ConfigLibrary.open(dir);
        Repository repository = new FileRepositoryBuilder().setGitDir(dir.toFile()).build()) {
      LibraryWriter writer = new LibraryWriter(repository);
      String wrongName = "configs/" + "0".repeat(64) + ".json";
      writer.commit(
          writer.tip(),
          Map.of(
              "configs/notes.json",
              "{}".getBytes(StandardCharsets.UTF_8),
              wrongName,
              "{\"name\": \"x\"}".getBytes(StandardCharsets.UTF_8),
              "configs/" + "1".repeat(64) + ".json",
              "not json".getBytes(StandardCharsets.UTF_8)),
          "hand edit\n",
          T1);
      library.add(catalogue(0), T2);
      LibrarySnapshot snapshot = library.snapshot();
      assertThat(snapshot.entries())
          .extracting(LibraryEntry::id)
          .containsExactly(catalogue(0).id());
      assertThat(snapshot.unreadable()).hasSize(3);
      assertThat(snapshot.unreadable())
          .anySatisfy(
              p -> assertThat(p).startsWith("configs/notes.json: not named configs/<id>.json"));
      assertThat(snapshot.unreadable())
          .anySatisfy(
              p ->
                  assertThat(p)
                      .startsWith(wrongName + ": content id")
                      .endsWith("(expected: the id in its name)"));
      assertThat(snapshot.unreadable()).anySatisfy(p -> assertThat(p).contains("malformed JSON"));
    }
  }

  @Test
  void aDirectoryThatIsNotALibraryIsRefused() throws IOException {
    Path plain = Files.createDirectories(home.resolve("not-a-repo"));
    assertThatThrownBy(() -> ConfigLibrary.open(plain))
        .isInstanceOf(LibraryException.class)
        .hasMessageContaining("not-a-repo");
  }

  @Test
  void stockGitAcceptsTheRepository() throws Exception {
    Path dir = ConfigLibrary.inHome(home);
    try (ConfigLibrary library = ConfigLibrary.open(dir)) {
      library.add(catalogue(0), T1);
      library.add(fork(catalogue(0), "forked_scenario"), T2);
    }
    Process fsck =
        new ProcessBuilder("git", "--git-dir=" + dir, "fsck", "--strict")
            .redirectErrorStream(true)
            .start();
    String output = new String(fsck.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(fsck.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(fsck.exitValue()).as(output).isZero();
    Process log =
        new ProcessBuilder("git", "--git-dir=" + dir, "log", "--format=%s")
            .redirectErrorStream(true)
            .start();
    String subjects = new String(log.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(log.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(subjects.lines())
        .containsExactly(
            "Add forked_scenario (" + fork(catalogue(0), "forked_scenario").id().shortHex() + ")",
            "Add " + catalogue(0).config().name() + " (" + catalogue(0).id().shortHex() + ")",
            "Create the configuration library");
  }
}
