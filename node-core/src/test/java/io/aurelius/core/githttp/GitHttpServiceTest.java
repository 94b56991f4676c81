package io.aurelius.core.githttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Routing, limits and error statuses: everything decided before upload-pack runs. */
class GitHttpServiceTest {
  private static final String ADVERTISE = "service=git-upload-pack";
  private static final Map<String, String> POST_HEADERS =
      Map.of("Content-Type", GitHttpService.REQUEST_TYPE);

  @TempDir static Path home;
  private static String secretTip;
  private static GitHttpService service;

  /** Nothing here writes to the repositories, so they are made once. */
  @BeforeAll
  static void setUp() throws IOException {
    BareRepo corpus;
    corpus = BareRepo.create(home.resolve("corpus.git"));
    corpus.commit("first", Map.of("a.txt", "alpha"));
    secretTip =
        BareRepo.create(home.resolve("secret.git"))
            .commit("secret", Map.of("s.txt", "do not serve"))
            .name();
    service =
        new GitHttpService(
            Map.of("corpus.git", corpus.dir(), "missing.git", home.resolve("missing.git")),
            new GitHttpLimits(4096, Duration.ofSeconds(5)));
  }

  @Test
  void headFileNamesTheDefaultBranch() throws IOException {
    GitHttpResponse response = service.handle(GitHttpRequest.get("/corpus.git/HEAD", "", Map.of()));
    assertThat(response.status()).isEqualTo(200);
    assertThat(text(response)).isEqualTo("ref: refs/heads/main\n");
    assertThat(response.contentLength()).hasValue(21);
  }

  @Test
  void unknownAndMissingRepositoriesAre404() throws IOException {
    assertError(get("/secret.git/info/refs", ADVERTISE), 404, "repository: 'secret.git' not found");
    assertError(
        get("/missing.git/info/refs", ADVERTISE), 404, "repository: 'missing.git' not found");
    assertError(get("/nope.git/HEAD", ""), 404, "repository: 'nope.git' not found");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/../secret.git/info/refs",
        "/corpus.git/../secret.git/info/refs",
        "/%2e%2e/secret.git/info/refs",
        "/corpus.git%2f..%2fsecret.git/info/refs",
        "/..%2f..%2fetc/passwd",
        "/corpus.git/objects/../../secret.git/HEAD"
      })
  void traversalNeverEscapesTheMap(String path) throws IOException {
    GitHttpResponse response = service.handle(GitHttpRequest.get(path, ADVERTISE, Map.of()));
    assertThat(response.status()).isIn(400, 404);
    assertThat(text(response)).startsWith("path: ").doesNotContain(secretTip).hasLineCount(1);
  }

  @Test
  void pushIsRefusedAsReadOnly() throws IOException {
    assertError(
        get("/corpus.git/info/refs", "service=git-receive-pack"),
        403,
        "'corpus.git': read-only, push is not accepted (expected: clone or fetch)");
    GitHttpRequest post =
        new GitHttpRequest(
            "POST",
            "/corpus.git/git-receive-pack",
            "",
            Map.of("Content-Type", "application/x-git-receive-pack-request"),
            new ByteArrayInputStream(new PktLineBuilder().flush().bytes()));
    assertError(
        post, 403, "'corpus.git': read-only, push is not accepted (expected: clone or fetch)");
  }

  @Test
  void dumbAndUnknownServicesAreRefused() throws IOException {
    assertError(
        get("/corpus.git/info/refs", ""),
        403,
        "'corpus.git': dumb HTTP is not served"
            + " (expected: ?service=git-upload-pack from a smart git client)");
    assertError(
        get("/corpus.git/info/refs", "service=git-upload-archive"),
        400,
        "service: 'git-upload-archive' (expected: git-upload-pack)");
    assertError(
        get("/corpus.git/info/refs", "service=git-upload-pack&service=git-upload-pack"),
        400,
        "query: service given twice (expected: once)");
  }

  @Test
  void wrongMethodsAre405WithAllow() throws IOException {
    GitHttpResponse postRefs = service.handle(post("/corpus.git/info/refs", new byte[0]));
    assertThat(postRefs.status()).isEqualTo(405);
    assertThat(postRefs.headers()).containsEntry("Allow", "GET");
    GitHttpResponse getPack = service.handle(get("/corpus.git/git-upload-pack", ""));
    assertThat(getPack.status()).isEqualTo(405);
    assertThat(getPack.headers()).containsEntry("Allow", "POST");
    assertThat(text(getPack)).isEqualTo("method: 'GET' (expected: POST)\n");
  }

  @Test
  void contentTypeAndEncodingAreChecked() throws IOException {
    byte[] body = new PktLineBuilder().flush().bytes();
    assertError(
        new GitHttpRequest(
            "POST",
            "/corpus.git/git-upload-pack",
            "",
            Map.of("Content-Type", "text/plain"),
            new ByteArrayInputStream(body)),
        415,
        "Content-Type: 'text/plain' (expected: application/x-git-upload-pack-request)");
    assertError(
        new GitHttpRequest(
            "POST",
            "/corpus.git/git-upload-pack",
            "",
            Map.of("Content-Type", GitHttpService.REQUEST_TYPE, "Content-Encoding", "br"),
            new ByteArrayInputStream(body)),
        415,
        "Content-Encoding: 'br' (expected: gzip or none)");
  }

  @Test
  void oversizedBodiesAre413() throws IOException {
    byte[] big = new PktLineBuilder().line("x".repeat(5000)).bytes();
    assertError(
        post("/corpus.git/git-upload-pack", big),
        413,
        "request body: more than 4096 bytes (expected: at most 4096)");
  }

  @Test
  void declaredOversizedLengthIs413WithoutReadingTheBody() throws IOException {
    InputStream exploding =
        new InputStream() {
          @Override
          public int read() {
            throw new AssertionError("body must not be read");
          }
        };
    GitHttpRequest request =
        new GitHttpRequest(
            "POST",
            "/corpus.git/git-upload-pack",
            "",
            Map.of("Content-Type", GitHttpService.REQUEST_TYPE, "Content-Length", "1000000000"),
            exploding);
    assertThat(service.handle(request).status()).isEqualTo(413);
  }

  @Test
  void gzipBombIs413() throws IOException {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
      gzip.write(new byte[1 << 20]);
    }
    assertThat(compressed.size()).isLessThan(4096);
    assertError(
        gzipPost(compressed.toByteArray()),
        413,
        "request body: more than 4096 bytes (expected: at most 4096)");
  }

  @Test
  void corruptGzipIs400() throws IOException {
    GitHttpResponse response =
        service.handle(gzipPost("not gzip at all".getBytes(StandardCharsets.UTF_8)));
    assertThat(response.status()).isEqualTo(400);
    assertThat(text(response)).startsWith("request body: not valid gzip: ");
  }

  @Test
  void malformedPktLinesAre400() throws IOException {
    assertError(
        post("/corpus.git/git-upload-pack", new byte[0]),
        400,
        "request body: empty (expected: pkt-lines)");
    assertError(
        post("/corpus.git/git-upload-pack", bytes("zzzzwant")),
        400,
        "request body: pkt-line at byte 0: length 'zzzz' (expected: 4 hex digits)");
    assertError(
        post("/corpus.git/git-upload-pack", bytes("00000003")),
        400,
        "request body: pkt-line at byte 4: length 3 (expected: 0000..0002 or 4..65520)");
    assertError(
        post("/corpus.git/git-upload-pack", bytes("0000ffffabc")),
        400,
        "request body: pkt-line at byte 4: length 65535 (expected: 0000..0002 or 4..65520)");
    assertError(
        post("/corpus.git/git-upload-pack", bytes("0009don")),
        400,
        "request body: pkt-line at byte 0: length 9 but only 7 bytes left (expected: whole lines)");
    assertError(
        post("/corpus.git/git-upload-pack", bytes("000")),
        400,
        "request body: pkt-line at byte 0: 3 trailing bytes (expected: a 4-digit hex length)");
  }

  @Test
  void overlongGitProtocolHeaderIs400() throws IOException {
    GitHttpResponse response =
        service.handle(
            GitHttpRequest.get(
                "/corpus.git/info/refs",
                ADVERTISE,
                Map.of("Git-Protocol", "version=2:" + "x".repeat(300))));
    assertThat(response.status()).isEqualTo(400);
    assertThat(text(response)).isEqualTo("Git-Protocol: 310 chars (expected: at most 256)\n");
  }

  @Test
  void errorsAreOneLinePlainTextAndUncached() throws IOException {
    GitHttpResponse response = service.handle(get("/nope.git/HEAD", ""));
    assertThat(response.headers())
        .containsEntry("Content-Type", "text/plain; charset=utf-8")
        .containsEntry("Cache-Control", "no-cache, max-age=0, must-revalidate");
    assertThat(text(response)).hasLineCount(1).endsWith("\n");
  }

  @Test
  void repositoryNamesAreValidated() {
    for (String bad : new String[] {"", "..", "../x.git", "a/b.git", ".hidden", "a..b", "x y"}) {
      assertThatThrownBy(() -> new GitHttpService(Map.of(bad, home)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("repository name: '");
    }
    assertThat(new GitHttpService(Map.of("corpus.git", home, "configs", home)).repositoryNames())
        .containsExactly("configs", "corpus.git");
  }

  @Test
  void limitsAreValidated() {
    assertThatThrownBy(() -> new GitHttpLimits(0, Duration.ofSeconds(1)))
        .hasMessage("maxRequestBytes: 0 (expected: 1..67108864)");
    assertThatThrownBy(() -> new GitHttpLimits(10, Duration.ofMillis(500)))
        .hasMessage("idleTimeout: PT0.5S (expected: 1s..1h in whole seconds)");
  }

  private GitHttpRequest gzipPost(byte[] body) {
    return new GitHttpRequest(
        "POST",
        "/corpus.git/git-upload-pack",
        "",
        Map.of("Content-Type", GitHttpService.REQUEST_TYPE, "Content-Encoding", "gzip"),
        new ByteArrayInputStream(body));
  }

  private void assertError(GitHttpRequest request, int status, String message) throws IOException {
    GitHttpResponse response = service.handle(request);
    assertThat(response.status()).isEqualTo(status);
    assertThat(text(response)).isEqualTo(message + "\n");
  }

  static GitHttpRequest get(String path, String query) {
    return GitHttpRequest.get(path, query, Map.of());
  }

  static GitHttpRequest post(String path, byte[] body) {
    return new GitHttpRequest("POST", path, "", POST_HEADERS, new ByteArrayInputStream(body));
  }

  static String text(GitHttpResponse response) throws IOException {
    return new String(response.bodyBytes(), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
