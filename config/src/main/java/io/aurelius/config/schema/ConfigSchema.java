package io.aurelius.config.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The JSON Schema of the configuration format. */
public final class ConfigSchema {
  /** Resource path of the schema. */
  public static final String RESOURCE = "/io/aurelius/config/schema/aurelius-config-1.schema.json";

  private ConfigSchema() {}

  /** The schema document, as shipped. */
  public static String text() {
    try (InputStream in = ConfigSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
