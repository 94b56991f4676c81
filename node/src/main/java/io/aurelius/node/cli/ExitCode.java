package io.aurelius.node.cli;

/** The command's exit codes: 0 success, 1 failure, 2 bad input. */
public final class ExitCode {
  public static final int OK = 0;
  public static final int FAILURE = 1;
  public static final int BAD_INPUT = 2;

  private ExitCode() {}
}
