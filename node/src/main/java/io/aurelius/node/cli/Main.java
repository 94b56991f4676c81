package io.aurelius.node.cli;

/** Process entry point of the {@code aurelius} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(AureliusCommand.run(args, CliContext.system()));
  }
}
