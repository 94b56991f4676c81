package io.aurelius.anchoring.log;

import static io.aurelius.anchoring.log.GitLogTest.CLOCK;
import static io.aurelius.anchoring.log.GitLogTest.KEY;
import static io.aurelius.anchoring.log.GitLogTest.entries;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer repacks while appending (issue 15, item 5): the pack count stays bounded, stock git
 * accepts the repository, and readers cloning during the appends never miss an object.
 */
class RepackIT {
  private static final int THRESHOLD = 4;

  @Test
  void packsStayBoundedAndStockGitAcceptsTheRepositoryWhileReadersClone(@TempDir Path dir)
      throws Exception {
    Path repo = dir.resolve("corpus.git");
    AtomicBoolean appending = new AtomicBoolean(true);
    AtomicInteger clones = new AtomicInteger();
    AtomicReference<String> readerFailure = new AtomicReference<>();
    try (GitLog log = LogWriter.create(repo, LogKind.CORPUS, "aurelius.test/corpus", KEY, CLOCK)) {
      LogWriter writer = new LogWriter(log, KEY, CLOCK);
      writer.repackThreshold(THRESHOLD);
      Thread reader =
          new Thread(
              () -> {
                int n = 0;
                while (appending.get() && readerFailure.get() == null) {
                  Path target = dir.resolve("reader-" + n++);
                  try {
                    GitLog.cloneFrom(repo.toUri().toString(), target).close();
                    clones.incrementAndGet();
                  } catch (LogException | RuntimeException e) {
                    readerFailure.set(e.toString());
                  }
                }
              },
              "repack-it-reader");
      reader.start();
      long size = 0;
      int maxPacks = 0;
      for (int i = 0; i < 40; i++) {
        writer.append(size, entries(size, 37));
        size += 37;
        maxPacks = Math.max(maxPacks, packCount(repo));
      }
      appending.set(false);
      reader.join();
      assertThat(readerFailure.get()).isNull();
      assertThat(clones.get()).isPositive();
      // a commit adds one pack; at more than THRESHOLD the writer folds them into one
      assertThat(maxPacks).isLessThanOrEqualTo(THRESHOLD);
      assertThat(log.head().size()).isEqualTo(size);
    }
    assertThat(git(dir, "--git-dir=" + repo, "fsck", "--strict", "--no-dangling")).isEmpty();
    git(dir, "clone", "--quiet", repo.toUri().toString(), dir.resolve("stock").toString());
    try (GitLog cloned = GitLog.open(dir.resolve("stock/.git"))) {
      assertThat(cloned.head().size()).isEqualTo(40 * 37);
    }
  }

  private static int packCount(Path repo) throws IOException {
    try (Stream<Path> files = Files.list(repo.resolve("objects/pack"))) {
      return (int) files.filter(f -> f.getFileName().toString().endsWith(".pack")).count();
    }
  }

  private static String git(Path dir, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add("git");
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as("git %s: %s", args, out).isZero();
    return out.trim();
  }
}
