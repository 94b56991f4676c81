package io.aurelius.anchoring.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.anchoring.corpus.CorpusLog;
import io.aurelius.anchoring.testing.Fixtures;
import io.aurelius.anchoring.verify.LogVerifier;
import io.aurelius.anchoring.verify.TrustPolicy;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer process killed with SIGKILL at arbitrary points mid-append: every time, the log that
 * remains verifies, holds only whole batches, and a new writer resumes where it stopped.
 */
class CrashIT {
  private static final int BATCH = 1500;

  @Test
  void killedWritersLeaveWholeBatchesAndRestartResumes(@TempDir Path dir) throws Exception {
    Path repo = dir.resolve("corpus.git");
    CorpusLog.create(repo, Fixtures.ORIGIN, Fixtures.key(1), Fixtures.CLOCK).close();
    long seen = 0;
    for (int round = 0; round < 3; round++) {
      Process child =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  AppendLoop.class.getName(),
                  repo.toString(),
                  Integer.toString(BATCH))
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      try (BufferedReader out =
          new BufferedReader(
              new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        String line = out.readLine(); // one batch published: now kill it somewhere in the next ones
        assertThat(line).as("child output").isNotNull();
        Thread.sleep(40L + 97L * round);
      } finally {
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      }
      try (GitLog log = GitLog.open(repo)) {
        long size = log.head().size();
        assertThat(size % BATCH).as("only whole batches are visible").isZero();
        assertThat(size).isGreaterThan(seen);
        seen = size;
        new LogVerifier(TrustPolicy.selfDeclared(log.head().manifest()), Optional.empty())
            .verify(log);
      }
    }
    try (CorpusLog corpus = CorpusLog.open(repo, Fixtures.key(1), Fixtures.CLOCK)) {
      corpus.append(seen, Fixtures.entries(seen, 10));
      assertThat(corpus.head().size()).isEqualTo(seen + 10);
      assertThat(List.of(corpus.head().entry(seen))).isNotEmpty();
    }
  }
}
