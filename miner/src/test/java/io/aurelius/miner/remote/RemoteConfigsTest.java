package io.aurelius.miner.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurelius.config.CompiledConfig;
import io.aurelius.config.catalogue.Catalogue;
import io.aurelius.miner.library.ConfigLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemoteConfigsTest {
  @TempDir Path dir;

  private static CompiledConfig catalogue(int index) {
    return Catalogue.load(Catalogue.names().get(index)).orElseThrow();
  }

  private RemoteConfigs remote() {
    return new RemoteConfigs(dir.resolve("tmp"), Duration.ofSeconds(30));
  }

  private String library(CompiledConfig... configs) {
    Path repo = dir.resolve("library.git");
    try (ConfigLibrary library = ConfigLibrary.open(repo)) {
      for (CompiledConfig c : configs) {
        library.add(c, Instant.now());
      }
    }
    return repo.toUri().toString();
  }

  /** A plain (non-bare) repository with files at the given paths. */
  private String repository(String branch, String... pathsAndContents) throws Exception {
    Path work = dir.resolve("work-" + branch);
    try (Git git = Git.init().setDirectory(work.toFile()).setInitialBranch(branch).call()) {
      for (int i = 0; i < pathsAndContents.length; i += 2) {
        Path file = work.resolve(pathsAndContents[i]);
        Files.createDirectories(file.getParent());
        Files.writeString(file, pathsAndContents[i + 1]);
      }
      git.add().addFilepattern(".").call();
      git.commit()
          .setMessage("files")
          .setSign(false)
          .setAuthor("t", "t@t")
          .setCommitter("t", "t@t")
          .call();
    }
    return work.toUri().toString();
  }

  @Test
  void findsAConfigurationByFullIdOrPrefixAndCleansUp() throws Exception {
    String url = library(catalogue(0), catalogue(1));
    FetchedConfig full = remote().fetch(ConfigRef.parse(url + "#" + catalogue(1).id().hex()));
    assertThat(full.id()).isEqualTo(catalogue(1).id());
    assertThat(full.branch()).isEqualTo("refs/heads/main");
    FetchedConfig prefix =
        remote().fetch(ConfigRef.parse(url + "#" + catalogue(0).id().hex().substring(0, 8)));
    assertThat(prefix.id()).isEqualTo(catalogue(0).id());
    try (Stream<Path> left = Files.list(dir.resolve("tmp"))) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void findsConfigurationsByContentInRepositoriesLaidOutDifferently() throws Exception {
    String doc = new String(Catalogue.bytes(Catalogue.names().get(2)).orElseThrow());
    String url = repository("trunk", "scenarios/river.json", doc, "notes/readme.json", "[1,2]");
    FetchedConfig found = remote().fetch(ConfigRef.parse(url + "#" + catalogue(2).id().hex()));
    assertThat(found.path()).isEqualTo("scenarios/river.json");
    assertThat(found.branch()).isEqualTo("refs/heads/trunk");
  }

  @Test
  void aFileWhoseNameClaimsAnotherIdIsNotTakenForIt() throws Exception {
    String doc = new String(Catalogue.bytes(Catalogue.names().get(2)).orElseThrow());
    String claimed = catalogue(3).id().hex();
    String url = repository("main", "configs/" + claimed + ".json", doc);
    assertThatThrownBy(() -> remote().fetch(ConfigRef.parse(url + "#" + claimed)))
        .isInstanceOf(RemoteException.class)
        .hasMessageContaining("no configuration with this id")
        .satisfies(
            e ->
                assertThat(((RemoteException) e).kind()).isEqualTo(RemoteException.Kind.NOT_FOUND));
  }

  @Test
  void anUnknownIdIsNotFound() {
    String url = library(catalogue(0));
    assertThatThrownBy(() -> remote().fetch(ConfigRef.parse(url + "#abcdef0123")))
        .isInstanceOf(RemoteException.class)
        .hasMessageContaining("no configuration with an id starting abcdef0123 on 1 branch");
  }

  @Test
  void anUnreachableRepositoryIsAFailureNotBadInput() {
    RemoteException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            RemoteException.class,
            () -> remote().fetch(ConfigRef.parse("http://127.0.0.1:1/git/configs.git#abcdef0123")));
    assertThat(e.kind()).isEqualTo(RemoteException.Kind.UNREACHABLE);
    assertThat(e.isBadInput()).isFalse();
    assertThat(e.getMessage())
        .startsWith("http://127.0.0.1:1/git/configs.git: cannot fetch")
        .doesNotContain("\n");
  }

  @Test
  void aRepositoryWithMoreObjectsThanTheBudgetIsRefused() {
    String url = library(catalogue(0), catalogue(1), catalogue(2));
    RemoteConfigs tight = new RemoteConfigs(dir.resolve("tmp"), Duration.ofSeconds(30), 5);
    assertThatThrownBy(() -> tight.fetch(ConfigRef.parse(url + "#" + catalogue(0).id().hex())))
        .isInstanceOf(RemoteException.class)
        .hasMessageContaining("more than 5 objects");
  }

  @Test
  void referencesAreParsedStrictly() {
    assertThatThrownBy(() -> ConfigRef.parse("http://h/git/configs.git"))
        .hasMessageContaining("has no #ID (expected: URL#ID");
    assertThatThrownBy(() -> ConfigRef.parse("http://h/git/configs.git#abc"))
        .hasMessageContaining("id 'abc' (expected: 8 to 64 lowercase hex digits");
    assertThatThrownBy(() -> ConfigRef.parse("ssh://h/git/configs.git#abcdef0123"))
        .hasMessageContaining("expected: an http, https or file URL");
    assertThatThrownBy(() -> ConfigRef.parse("http:///configs.git#abcdef0123"))
        .hasMessageContaining("no host");
    ConfigRef ref = ConfigRef.parse("http://127.0.0.1:8091/git/configs.git#ABCDEF0123");
    assertThat(ref.idPrefix()).isEqualTo("abcdef0123");
    assertThat(ref.repository().getPort()).isEqualTo(8091);
    assertThat(ref.isFullId()).isFalse();
  }
}
