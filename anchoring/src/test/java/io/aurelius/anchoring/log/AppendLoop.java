package io.aurelius.anchoring.log;

import io.aurelius.anchoring.corpus.CorpusLog;
import io.aurelius.anchoring.testing.Fixtures;
import java.nio.file.Path;

/** Child process for {@link CrashIT}: appends batches forever, printing each new size. */
public final class AppendLoop {
  private AppendLoop() {}

  public static void main(String[] args) throws Exception {
    Path repo = Path.of(args[0]);
    int batch = Integer.parseInt(args[1]);
    try (CorpusLog corpus = CorpusLog.open(repo, Fixtures.key(1), Fixtures.CLOCK)) {
      while (true) {
        long size = corpus.head().size();
        corpus.append(size, Fixtures.entries(size, batch));
        System.out.println(size + batch);
        System.out.flush();
      }
    }
  }
}
