package io.aurelius.node.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/**
 * Prints the build: the version and the git commit it was built from ({@code -modified} when the
 * work tree had changes; none outside a git checkout), and the Java runtime; shared by all
 * commands.
 */
public final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    Properties build = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream("build.properties")) {
      if (in != null) {
        build.load(in);
      }
    } catch (IOException e) {
      // no build information: the lines below say so
    }
    String version = filled(build.getProperty("version"), "development build");
    String commit = filled(build.getProperty("commit"), "");
    return new String[] {
      "aurelius " + version + (commit.isEmpty() ? "" : " (commit " + commit + ")"),
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
    };
  }

  /** The value, or {@code otherwise} when the build left it empty or unfilled. */
  private static String filled(String value, String otherwise) {
    return value == null || value.isBlank() || value.contains("${") ? otherwise : value.strip();
  }
}
