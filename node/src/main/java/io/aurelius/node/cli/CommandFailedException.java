package io.aurelius.node.cli;

/**
 * A command that ran but did not succeed (verification failed, a server did not answer): printed as
 * one line, exit code 1.
 */
public class CommandFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CommandFailedException(String message) {
    super(message);
  }

  public CommandFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
