package io.aurelius.node.cli;

import picocli.CommandLine;

/**
 * Prints the version recorded in the jar manifest, and the Java runtime; shared by all commands.
 */
public final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = AureliusCommand.class.getPackage().getImplementationVersion();
    return new String[] {
      "aurelius " + (version == null ? "development build" : version),
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
    };
  }
}
