package io.aurelius.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestDataTest {
  private static final String ROOT_POM =
      "<project><artifactId>aurelius-parent</artifactId></project>";
  private static final String MODULE_POM =
      "<project><parent><artifactId>aurelius-parent</artifactId></parent><artifactId>judge</artifactId></project>";

  @TempDir Path dir;

  @Test
  void theBuildNamesTheRepositoryTestdataFolder() {
    Path root = TestData.root();
    assertThat(root.getFileName()).hasToString("testdata");
    assertThat(root.resolveSibling("pom.xml")).isRegularFile();
    assertThat(TestData.path("merkle", "LICENSE")).isRegularFile();
  }

  @Test
  void withoutThePropertyFindsTheRepositoryRootAboveAModule() throws Exception {
    Path repo = repository(dir.resolve("repo"));
    Path module = Files.createDirectories(repo.resolve("judge/src"));
    Files.writeString(repo.resolve("judge/pom.xml"), MODULE_POM);
    assertThat(TestData.locate(null, module)).isEqualTo(repo.resolve("testdata"));
  }

  @Test
  void neverLooksAboveTheRepositoryRoot() throws Exception {
    repository(dir); // a stranger's checkout with test data, above ours
    Path inner = Files.createDirectories(dir.resolve("inner"));
    Files.writeString(inner.resolve("pom.xml"), ROOT_POM);
    assertThatThrownBy(() -> TestData.locate(null, inner))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("expected testdata/ beside the aurelius-parent pom.xml");
  }

  @Test
  void failsOutsideAnyRepository() {
    assertThatThrownBy(() -> TestData.locate(null, dir))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("test data not found from " + dir);
  }

  @Test
  void aPropertyNamingNoDirectoryIsAnError() {
    assertThatThrownBy(() -> TestData.locate(dir.resolve("missing").toString(), dir))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not a directory");
  }

  private static Path repository(Path root) throws Exception {
    Files.createDirectories(root.resolve("testdata"));
    Files.writeString(root.resolve("pom.xml"), ROOT_POM);
    return root;
  }
}
