package io.aurelius.node.cli.corpus;

import io.aurelius.anchoring.log.GitLog;
import io.aurelius.anchoring.log.LogException;
import io.aurelius.anchoring.log.LogWriter;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.UserInputException;
import java.nio.file.Path;
import java.time.Clock;

/** A local log opened for writing with its key. */
record LocalWriter(GitLog log, LogWriter writer) implements AutoCloseable {
  static LocalWriter open(String target, Ed25519KeyPair key, CliContext context) {
    if (LocalLog.isUrl(target)) {
      throw new UserInputException(
          target + ": a URL (expected: the local path of the log's repository)");
    }
    GitLog log = null;
    try {
      log = GitLog.open(context.resolve(Path.of(target)));
      return new LocalWriter(log, new LogWriter(log, key, Clock.systemUTC()));
    } catch (LogException e) {
      if (log != null) {
        log.close();
      }
      throw Failures.of(e);
    }
  }

  @Override
  public void close() {
    log.close();
  }
}
