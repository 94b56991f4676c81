package io.aurelius.node.cli.corpus;

import io.aurelius.anchoring.log.LogConflictException;
import io.aurelius.anchoring.log.LogException;
import io.aurelius.anchoring.log.NotALogException;
import io.aurelius.node.cli.CommandFailedException;
import io.aurelius.node.cli.UserInputException;

/** Maps log exceptions to the CLI's exit codes: bad input 2, anything else 1. */
final class Failures {
  private Failures() {}

  static RuntimeException of(LogException e) {
    if (e instanceof NotALogException || e instanceof LogConflictException) {
      return new UserInputException(e.getMessage(), e);
    }
    return new CommandFailedException(e.getMessage(), e);
  }
}
