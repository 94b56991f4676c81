package io.aurelius.judge.data;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The judge module's bundled data documents, read from the class path. */
public final class BundledData {
  private BundledData() {}

  /**
   * The bytes of a bundled resource.
   *
   * @throws IllegalStateException if the resource is not in the jar (a packaging defect)
   */
  public static byte[] read(String resource) {
    requireNonNull(resource, "resource");
    try (InputStream in = BundledData.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("bundled resource missing: " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("bundled resource unreadable: " + resource, e);
    }
  }
}
