package io.aurelius.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Locates the repository's specification vectors ({@code testdata/} at the repository root).
 * Surefire and failsafe name the folder in the system property {@code aurelius.testdata}; without
 * it (a test started from an IDE) the repository root is found by walking up from the working
 * directory to the first folder whose {@code pom.xml} is {@code aurelius-parent}. The search never
 * looks above that folder, so a copy elsewhere on the machine is never picked up.
 */
public final class TestData {
  static final String PROPERTY = "aurelius.testdata";
  private static final String ROOT_ARTIFACT = "<artifactId>aurelius-parent</artifactId>";
  // A module's pom names aurelius-parent too, inside its <parent> element.
  private static final Pattern PARENT_ELEMENT =
      Pattern.compile("<parent>.*?</parent>", Pattern.DOTALL);

  private TestData() {}

  public static Path root() {
    return locate(System.getProperty(PROPERTY), Path.of("").toAbsolutePath());
  }

  public static Path path(String first, String... more) {
    return root().resolve(Path.of(first, more));
  }

  static Path locate(String configured, Path workingDirectory) {
    if (configured != null) {
      Path dir = Path.of(configured).toAbsolutePath().normalize();
      if (!Files.isDirectory(dir)) {
        throw new IllegalStateException(
            PROPERTY
                + "="
                + configured
                + ": not a directory (expected the repository's testdata/ folder)");
      }
      return dir;
    }
    for (Path p = workingDirectory.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
      if (isRepositoryRoot(p)) {
        Path dir = p.resolve("testdata");
        if (Files.isDirectory(dir)) {
          return dir;
        }
        break;
      }
    }
    throw new IllegalStateException(
        "test data not found from "
            + workingDirectory
            + ": expected testdata/ beside the aurelius-parent pom.xml of this repository, or -D"
            + PROPERTY
            + "=DIR");
  }

  private static boolean isRepositoryRoot(Path dir) {
    Path pom = dir.resolve("pom.xml");
    if (!Files.isRegularFile(pom)) {
      return false;
    }
    try {
      return PARENT_ELEMENT.matcher(Files.readString(pom)).replaceAll("").contains(ROOT_ARTIFACT);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + pom, e);
    }
  }
}
