package io.aurelius.node.cli;

/**
 * Bad input from the user (a file, a flag, a key id): printed as one line, exit code 2, nothing
 * written. The message says what was wrong, where, and what was expected.
 */
public class UserInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UserInputException(String message) {
    super(message);
  }

  public UserInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
