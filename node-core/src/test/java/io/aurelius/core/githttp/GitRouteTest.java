package io.aurelius.core.githttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GitRouteTest {
  @ParameterizedTest
  @CsvSource({
    "/corpus.git/info/refs, corpus.git, INFO_REFS",
    "/corpus.git/git-upload-pack, corpus.git, UPLOAD_PACK",
    "/configs/git-receive-pack, configs, RECEIVE_PACK",
    "/corpus.git/HEAD, corpus.git, HEAD_FILE"
  })
  void routesTheFourEndpoints(String path, String repository, GitRoute.Endpoint endpoint)
      throws Exception {
    assertThat(GitRoute.parse(path)).isEqualTo(new GitRoute(repository, endpoint));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/../corpus.git/info/refs | 400",
        "/corpus.git/../secret.git/info/refs | 400",
        "/./corpus.git/info/refs | 400",
        "//etc/passwd | 400",
        "/corpus.git//info/refs | 400",
        "/%2e%2e/secret.git/info/refs | 400",
        "/corpus.git%2f..%2fsecret.git/info/refs | 400",
        "/corpus.git\\..\\secret.git/info/refs | 400",
        "corpus.git/info/refs | 400",
        "/corpus.git/info/refs/ | 400",
        "/corpus.git/objects/info/packs | 404",
        "/corpus.git/config | 404",
        "/corpus.git | 404",
        "/ | 400"
      })
  void refusesTraversalAndUnservedPaths(String path, int status) {
    assertThatThrownBy(() -> GitRoute.parse(path))
        .isInstanceOfSatisfying(
            GitHttpException.class,
            e -> {
              assertThat(e.status()).isEqualTo(status);
              assertThat(e.getMessage()).startsWith("path: ").doesNotContain("\n");
            });
  }

  @Test
  void refusesControlCharactersAndLongPaths() {
    assertThatThrownBy(() -> GitRoute.parse("/corpus.git/info/refs\u0000"))
        .isInstanceOfSatisfying(
            GitHttpException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.getMessage()).contains("'?'").doesNotContain("\u0000");
            });
    assertThatThrownBy(() -> GitRoute.parse("/" + "a".repeat(600) + "/HEAD"))
        .isInstanceOfSatisfying(
            GitHttpException.class,
            e -> assertThat(e.getMessage()).isEqualTo("path: 606 chars (expected: at most 512)"));
  }

  @Test
  void quoteTruncatesAndMasks() {
    assertThat(GitRoute.quote("a\nb")).isEqualTo("'a?b'");
    assertThat(GitRoute.quote("x".repeat(100))).isEqualTo("'" + "x".repeat(80) + "...'");
  }
}
