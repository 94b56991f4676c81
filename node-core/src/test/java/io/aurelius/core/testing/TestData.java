package io.aurelius.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the shared specification vectors ({@code ../shared/testdata} beside the checkout).
 * Tests read them from there and never copy them.
 */
public final class TestData {
  private TestData() {}

  public static Path root() {
    String configured = System.getProperty("aurelius.testdata");
    if (configured != null && Files.isDirectory(Path.of(configured))) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    Path dir = Path.of("").toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      Path candidate = p.resolve("../shared/testdata").normalize();
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "shared test data not found: expected ../shared/testdata beside the checkout");
  }

  public static Path path(String first, String... more) {
    return root().resolve(Path.of(first, more));
  }
}
