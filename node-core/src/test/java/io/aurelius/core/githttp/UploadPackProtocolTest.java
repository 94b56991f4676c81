package io.aurelius.core.githttp;

import static io.aurelius.core.githttp.GitHttpServiceTest.post;
import static io.aurelius.core.githttp.GitHttpServiceTest.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What upload-pack answers, byte for byte where git depends on it, without a socket. */
class UploadPackProtocolTest {
  @TempDir Path home;
  private BareRepo corpus;
  private ObjectId tip;
  private GitHttpService service;

  @BeforeEach
  void setUp() throws IOException {
    corpus = BareRepo.create(home.resolve("corpus.git"));
    corpus.commit("first", Map.of("a.txt", "alpha"));
    tip = corpus.commit("second", Map.of("a.txt", "alpha", "b.txt", "beta"));
    service = new GitHttpService(Map.of("corpus.git", corpus.dir()));
  }

  @Test
  void v0AdvertisementStartsWithTheServiceLineAndListsRefs() throws IOException {
    GitHttpResponse response =
        service.handle(
            GitHttpRequest.get("/corpus.git/info/refs", "service=git-upload-pack", Map.of()));
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.headers())
        .containsEntry("Content-Type", "application/x-git-upload-pack-advertisement")
        .containsEntry("Cache-Control", "no-cache, max-age=0, must-revalidate")
        .containsEntry("Pragma", "no-cache");
    String body = text(response);
    assertThat(body).startsWith("001e# service=git-upload-pack\n0000");
    assertThat(body)
        .contains(
            tip.name() + " HEAD\0",
            tip.name() + " refs/heads/main\n",
            "symref=HEAD:refs/heads/main",
            "no-done")
        .endsWith("0000");
    assertThat(response.contentLength()).hasValue(response.bodyBytes().length);
  }

  @Test
  void v2AdvertisementIsTheCapabilityList() throws IOException {
    String body =
        text(
            service.handle(
                GitHttpRequest.get(
                    "/corpus.git/info/refs",
                    "service=git-upload-pack",
                    Map.of("Git-Protocol", "version=2"))));
    // JGit writes capability lines without the trailing LF, which git accepts.
    assertThat(body)
        .startsWith("000dversion 2")
        .contains("ls-refs", "fetch=")
        .doesNotContain("# service=", tip.name())
        .endsWith("0000");
  }

  @Test
  void v2LsRefsListsTheBranch() throws IOException {
    byte[] request =
        new PktLineBuilder()
            .line("command=ls-refs\n")
            .delim()
            .line("symrefs\n")
            .line("ref-prefix refs/heads/\n")
            .flush()
            .bytes();
    GitHttpResponse response = service.handle(v2(post("/corpus.git/git-upload-pack", request)));
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.headers())
        .containsEntry("Content-Type", "application/x-git-upload-pack-result");
    assertThat(response.contentLength()).isEmpty();
    assertThat(text(response))
        .isEqualTo(
            new String(
                new PktLineBuilder().line(tip.name() + " refs/heads/main\n").flush().bytes(),
                StandardCharsets.US_ASCII));
  }

  @Test
  void v0WantWithDoneReturnsNakAndAPack() throws IOException {
    byte[] request =
        new PktLineBuilder()
            .line("want " + tip.name() + " ofs-delta\n")
            .flush()
            .line("done\n")
            .bytes();
    byte[] body = service.handle(post("/corpus.git/git-upload-pack", request)).bodyBytes();
    String text = new String(body, StandardCharsets.ISO_8859_1);
    assertThat(text).startsWith("0008NAK\n").contains("PACK");
  }

  @Test
  void gzipRequestsGiveTheSameAnswer() throws IOException {
    byte[] request =
        new PktLineBuilder()
            .line("want " + tip.name() + " ofs-delta\n")
            .flush()
            .line("done\n")
            .bytes();
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
      gzip.write(request);
    }
    GitHttpRequest gzipped =
        new GitHttpRequest(
            "POST",
            "/corpus.git/git-upload-pack",
            "",
            Map.of("Content-Type", GitHttpService.REQUEST_TYPE, "Content-Encoding", "gzip"),
            new ByteArrayInputStream(compressed.toByteArray()));
    assertThat(service.handle(gzipped).bodyBytes())
        .isEqualTo(service.handle(post("/corpus.git/git-upload-pack", request)).bodyBytes());
  }

  @Test
  void wantOfAnUnadvertisedObjectIsAGitErrLine() throws IOException {
    String unknown = "1234567890123456789012345678901234567890";
    byte[] request =
        new PktLineBuilder().line("want " + unknown + "\n").flush().line("done\n").bytes();
    GitHttpResponse response = service.handle(post("/corpus.git/git-upload-pack", request));
    assertThat(response.status()).isEqualTo(200);
    assertThat(text(response)).contains("ERR ").contains(unknown).doesNotContain("PACK");
  }

  @Test
  void newCommitsAreVisibleToTheNextRequest() throws IOException {
    ObjectId third = corpus.commit("third", Map.of("c.txt", "gamma"));
    String body =
        text(
            service.handle(
                GitHttpRequest.get("/corpus.git/info/refs", "service=git-upload-pack", Map.of())));
    assertThat(body).contains(third.name() + " refs/heads/main").doesNotContain(tip.name());
  }

  @Test
  void aClientThatStopsReadingIsCutOffAfterTheIdleTimeout() throws IOException {
    byte[] noise = new byte[512 * 1024];
    new Random(1).nextBytes(noise);
    ObjectId big = corpus.commitBytes("big", Map.of("noise.bin", noise));
    GitHttpService impatient =
        new GitHttpService(
            Map.of("corpus.git", corpus.dir()), new GitHttpLimits(1 << 20, Duration.ofSeconds(1)));
    byte[] request =
        new PktLineBuilder()
            .line("want " + big.name() + " ofs-delta\n")
            .flush()
            .line("done\n")
            .bytes();
    GitHttpResponse response = impatient.handle(post("/corpus.git/git-upload-pack", request));
    AtomicLong accepted = new AtomicLong();
    OutputStream stalled =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
          }

          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            if (accepted.addAndGet(len) > 64 * 1024) {
              try {
                Thread.sleep(30_000); // a client whose receive window stays full
              } catch (InterruptedException e) {
                throw new InterruptedIOException("interrupted");
              }
            }
          }
        };
    assertThatThrownBy(() -> response.body().writeTo(stalled))
        .isInstanceOf(InterruptedIOException.class)
        .hasMessageStartingWith("Write timed out after");
    assertThat(Thread.interrupted()).isFalse();
  }

  /** Issue 16, finding 3: 20,000 random haves cost upload-pack ~2.6 s; they are refused unread. */
  @Test
  void tooManyHaveLinesAre413BeforeUploadPackRuns() throws IOException {
    GitHttpResponse refused =
        service.handle(post("/corpus.git/git-upload-pack", negotiation(tip, 20_000)));
    assertThat(refused.status()).isEqualTo(413);
    assertThat(text(refused))
        .isEqualTo("request body: 20000 have lines (expected: at most 2048)\n");

    PktLineBuilder v2 =
        new PktLineBuilder().line("command=fetch\n").delim().line("want " + tip.name() + "\n");
    for (int i = 0; i <= 2_048; i++) {
      v2.line(String.format("have %040x\n", i));
    }
    GitHttpResponse v2Refused =
        service.handle(v2(post("/corpus.git/git-upload-pack", v2.flush().bytes())));
    assertThat(v2Refused.status()).isEqualTo(413);

    GitHttpResponse atTheBound =
        service.handle(post("/corpus.git/git-upload-pack", negotiation(tip, 2_048)));
    assertThat(atTheBound.status()).isEqualTo(200);
    assertThat(text(atTheBound)).startsWith("0008NAK\n").contains("PACK");
  }

  /** A v0 negotiation: one want, {@code haves} random haves, done. */
  static byte[] negotiation(ObjectId want, int haves) {
    PktLineBuilder b = new PktLineBuilder().line("want " + want.name() + " ofs-delta\n").flush();
    Random random = new Random(haves);
    byte[] raw = new byte[20];
    for (int i = 0; i < haves; i++) {
      random.nextBytes(raw);
      b.line("have " + ObjectId.fromRaw(raw).name() + "\n");
    }
    return b.line("done\n").bytes();
  }

  private static GitHttpRequest v2(GitHttpRequest request) {
    Map<String, String> headers = new HashMap<>(request.headers());
    headers.put("Git-Protocol", "version=2");
    return new GitHttpRequest(
        request.method(), request.path(), request.query(), headers, request.body());
  }
}
