package io.aurelius.node.cli;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The node home directory ({@code keys/}, {@code state/}, repositories), shared by every command
 * that touches it: {@code --home}, {@code AURELIUS_HOME}, {@code home:} in the config file, default
 * {@code ~/.aurelius}. Use it as a picocli {@code @Mixin}.
 */
public final class HomeOptions {
  public static final String DEFAULT_DIRECTORY_NAME = ".aurelius";

  @Option(
      names = "--home",
      paramLabel = "DIR",
      description =
          "Node home directory, holding keys/ and state/ (env: AURELIUS_HOME; "
              + "default: ~/"
              + DEFAULT_DIRECTORY_NAME
              + ").")
  private Path home;

  /** The home directory, relative paths resolved against the working directory. */
  public Path home(CliContext context) {
    requireNonNull(context, "context");
    if (home == null || home.toString().isBlank()) {
      return Path.of(System.getProperty("user.home"), DEFAULT_DIRECTORY_NAME);
    }
    return context.resolve(home);
  }
}
