package io.aurelius.config.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The JSON Schema of the module format ({@code aurelius.module/1}). */
public final class ModuleSchema {
  public static final String RESOURCE = "/io/aurelius/config/schema/aurelius-module-1.schema.json";

  private ModuleSchema() {}

  public static String text() {
    try (InputStream in = ModuleSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
