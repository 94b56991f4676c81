package io.aurelius.worldmodel.orchestrator;

import io.aurelius.config.CompiledConfig;
import io.aurelius.config.ConfigLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Configurations for the tests: the bundled catalogue, and small ones written here. */
public final class Configs {
  private Configs() {}

  public static CompiledConfig catalogue(String name) {
    String resource = "/io/aurelius/config/catalogue/" + name + ".json";
    try (InputStream in = Configs.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing " + resource);
      }
      return ConfigLoader.load(in.readAllBytes(), resource);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static CompiledConfig of(String json) {
    return ConfigLoader.load(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), "test config");
  }
}
