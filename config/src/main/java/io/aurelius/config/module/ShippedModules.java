package io.aurelius.config.module;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** The module documents shipped with the node, written as a miner would write them. */
public final class ShippedModules {
  private static final String DIR = "/io/aurelius/config/modules/";

  private ShippedModules() {}

  public static List<String> names() {
    return new String(resource("index.txt").orElseThrow(), StandardCharsets.UTF_8)
        .lines()
        .map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .toList();
  }

  public static Optional<byte[]> bytes(String name) {
    requireNonNull(name, "name");
    return names().contains(name) ? resource(name + ".json") : Optional.empty();
  }

  /** One shipped module checked against {@code adopted}; throws if it is not admissible. */
  public static Module load(String name, ModuleSet adopted) {
    ModuleReport report =
        Modules.validate(
            bytes(name)
                .orElseThrow(() -> new IllegalArgumentException("no shipped module " + name)),
            adopted);
    return report
        .module()
        .orElseThrow(
            () -> new IllegalStateException("shipped module " + name + ": " + report.problems()));
  }

  private static Optional<byte[]> resource(String file) {
    try (InputStream in = ShippedModules.class.getResourceAsStream(DIR + file)) {
      return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
