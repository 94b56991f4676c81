package io.aurelius.core.githttp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stock {@code git} client against the service mounted on a real HTTP server on loopback:
 * clone, incremental fetch in protocol v2 and v0, push refused, unknown repositories and traversal
 * refused.
 */
class GitSmartHttpIT {
  private static final int TAGS = 40;

  @TempDir Path home;
  private BareRepo corpus;
  private String secretTip;
  private byte[] bigBlob;
  private GitCli git;
  private JdkGitHttpServer server;

  @BeforeEach
  void setUp() throws IOException {
    corpus = BareRepo.create(home.resolve("repos/corpus.git"));
    corpus.commit("first entry", Map.of("0001.json", "{\"n\":1}\n"));
    bigBlob = new byte[1_500_000];
    new Random(7).nextBytes(bigBlob);
    corpus.commitBytes(
        "second entry with a large blob",
        Map.of("0001.json", utf8("{\"n\":1}\n"), "big.bin", bigBlob));
    corpus.commitBytes(
        "third entry",
        Map.of(
            "0001.json",
            utf8("{\"n\":1}\n"),
            "0003.json",
            utf8("{\"n\":3}\n"),
            "big.bin",
            bigBlob));
    for (int i = 0; i < TAGS; i++) {
      corpus.tag(String.format("checkpoint-%02d", i));
    }
    // A real repository next to the served one: traversal that worked would reach it.
    secretTip =
        BareRepo.create(home.resolve("repos/secret.git"))
            .commit("secret", Map.of("key.txt", "not for you"))
            .name();
    git = new GitCli(Files.createDirectories(home.resolve("git-home")));
    server = JdkGitHttpServer.start(new GitHttpService(Map.of("corpus.git", corpus.dir())));
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  @Test
  void clonesAndFetchesIncrementallyWithProtocolV2() throws Exception {
    Traces traces = cloneThenFetch("2");
    assertThat(traces.cloneTrace()).contains("git< version 2").doesNotContain("# service=");
    assertThat(traces.fetchTrace()).contains("git< version 2");
    assertThat(server.seen())
        .allSatisfy(seen -> assertThat(seen.header("Git-Protocol")).isEqualTo("version=2"));
  }

  @Test
  void clonesAndFetchesIncrementallyWithProtocolV0() throws Exception {
    Traces traces = cloneThenFetch("0");
    assertThat(traces.cloneTrace())
        .contains("git< # service=git-upload-pack")
        .doesNotContain("version 2");
    assertThat(server.seen()).allSatisfy(seen -> assertThat(seen.header("Git-Protocol")).isEmpty());
  }

  @Test
  void pushIsRefused() throws Exception {
    ObjectId before = corpus.tip();
    Path clone = home.resolve("clone");
    git.run(home, Map.of(), "clone", "-q", server.url("corpus.git"), clone.toString()).ok();
    Files.writeString(clone.resolve("0004.json"), "{\"n\":4}\n");
    git.run(clone, Map.of(), "add", "0004.json").ok();
    git.run(
            clone,
            Map.of(),
            "-c",
            "user.name=Mallory",
            "-c",
            "user.email=m@example.org",
            "commit",
            "-q",
            "-m",
            "forged entry")
        .ok();

    GitCli.Result push = git.run(clone, Map.of(), "push", "origin", "main");

    assertThat(push.exitCode()).isNotZero();
    assertThat(push.err())
        .contains("remote: 'corpus.git': read-only, push is not accepted")
        .contains("403");
    assertThat(corpus.tip()).isEqualTo(before);
  }

  @Test
  void unknownRepositoriesAre404() throws Exception {
    GitCli.Result clone =
        git.run(home, Map.of(), "clone", server.url("nope.git"), home.resolve("nope").toString());
    assertThat(clone.exitCode()).isNotZero();
    assertThat(clone.err()).contains("remote: repository: 'nope.git' not found");
    assertThat(home.resolve("nope")).doesNotExist();

    // curl resolves the dot segments, so this asks for secret.git, which is not served.
    GitCli.Result sibling =
        git.run(
            home,
            Map.of(),
            "clone",
            server.url("corpus.git/../secret.git"),
            home.resolve("sibling").toString());
    assertThat(sibling.exitCode()).isNotZero();
    assertThat(sibling.err()).contains("repository: 'secret.git' not found");
  }

  @Test
  void traversalNeverLeavesTheConfiguredMap() throws Exception {
    String advertise = "/info/refs?service=git-upload-pack";
    RawHttp.Answer control = RawHttp.get(server.port(), "/git/corpus.git" + advertise);
    assertThat(control.status()).isEqualTo(200);
    assertThat(control.body()).contains(corpus.tip().name());

    List<String> attacks =
        List.of(
            "/git/corpus.git/../secret.git" + advertise,
            "/git/../git/secret.git" + advertise,
            "/git/%2e%2e/repos/secret.git" + advertise,
            "/git/corpus.git%2f..%2fsecret.git" + advertise,
            "/git/..%2fsecret.git" + advertise,
            "/git//" + home.resolve("repos/secret.git") + advertise,
            "/git/corpus.git/..%5csecret.git/HEAD",
            "/git/secret.git" + advertise);
    Map<String, Integer> statuses = new LinkedHashMap<>();
    for (String attack : attacks) {
      RawHttp.Answer answer = RawHttp.get(server.port(), attack);
      statuses.put(attack, answer.status());
      assertThat(answer.body()).as(attack).doesNotContain(secretTip);
    }
    assertThat(statuses)
        .allSatisfy((attack, status) -> assertThat(status).as(attack).isIn(400, 404));
    assertThat(server.seen())
        .extracting(JdkGitHttpServer.Seen::path)
        .as("the service itself saw and refused the attacks")
        .contains("/corpus.git/../secret.git/info/refs", "/%2e%2e/repos/secret.git/info/refs");
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private record Traces(String cloneTrace, String fetchTrace) {}

  /**
   * Clones, checks the history and content, adds two commits on the server, fetches, and checks
   * that only the new history was negotiated.
   */
  private Traces cloneThenFetch(String version) throws Exception {
    Path clone = home.resolve("clone-v" + version);
    Path cloneTrace = home.resolve("clone-v" + version + ".trace");
    git.run(
            home,
            Map.of("GIT_TRACE_PACKET", cloneTrace.toString()),
            "-c",
            "protocol.version=" + version,
            "clone",
            server.url("corpus.git"),
            clone.toString())
        .ok();

    assertThat(git.run(clone, Map.of(), "log", "--format=%s").ok().out())
        .isEqualTo("third entry\nsecond entry with a large blob\nfirst entry\n");
    assertThat(git.run(clone, Map.of(), "tag", "--list").ok().out().lines()).hasSize(TAGS);
    assertThat(Files.readAllBytes(clone.resolve("big.bin"))).isEqualTo(bigBlob);
    git.run(clone, Map.of(), "fsck", "--strict", "--no-progress").ok();
    assertThat(server.seen())
        .as("git gzips request bodies over 1 KiB")
        .anySatisfy(seen -> assertThat(seen.header("Content-Encoding")).isEqualTo("gzip"));

    ObjectId oldTip = corpus.tip();
    corpus.commit("fourth entry", Map.of("0004.json", "{\"n\":4}\n"));
    ObjectId newTip = corpus.commit("fifth entry", Map.of("0005.json", "{\"n\":5}\n"));
    Path fetchTrace = home.resolve("fetch-v" + version + ".trace");
    git.run(
            clone,
            Map.of("GIT_TRACE_PACKET", fetchTrace.toString()),
            "-c",
            "protocol.version=" + version,
            "fetch",
            "origin")
        .ok();

    assertThat(git.run(clone, Map.of(), "rev-parse", "origin/main").ok().out().trim())
        .isEqualTo(newTip.name());
    assertThat(git.run(clone, Map.of(), "log", "--format=%s", "origin/main").ok().out().lines())
        .hasSize(5);
    String fetch = Files.readString(fetchTrace);
    assertThat(fetch)
        .as("the fetch negotiated from what the clone had")
        .contains("have " + oldTip.name())
        .contains("want " + newTip.name());
    return new Traces(Files.readString(cloneTrace), fetch);
  }
}
