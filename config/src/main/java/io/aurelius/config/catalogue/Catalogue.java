package io.aurelius.config.catalogue;

import static java.util.Objects.requireNonNull;

import io.aurelius.config.CompiledConfig;
import io.aurelius.config.ConfigLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** The bundled scenarios, by name. */
public final class Catalogue {
  private static final String DIR = "/io/aurelius/config/catalogue/";

  private Catalogue() {}

  /** The scenario names, in catalogue order. */
  public static List<String> names() {
    String index =
        new String(
            resource("index.txt")
                .orElseThrow(() -> new IllegalStateException("catalogue index missing")),
            StandardCharsets.UTF_8);
    return index
        .lines()
        .map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .toList();
  }

  /** The document bytes of one scenario, if the catalogue has it. */
  public static Optional<byte[]> bytes(String name) {
    requireNonNull(name, "name");
    if (!names().contains(name)) {
      return Optional.empty();
    }
    return resource(name + ".json");
  }

  /** One scenario, validated and compiled. */
  public static Optional<CompiledConfig> load(String name) {
    return bytes(name).map(b -> ConfigLoader.load(b, "catalogue/" + name + ".json"));
  }

  private static Optional<byte[]> resource(String file) {
    try (InputStream in = Catalogue.class.getResourceAsStream(DIR + file)) {
      return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
