package io.aurelius.node.devnet;

import static java.util.Objects.requireNonNull;

import io.aurelius.config.module.Adoption;
import io.aurelius.config.module.ModuleRegistry;
import io.aurelius.config.module.ShippedModules;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A world-model module on the devnet: the first miner submits a shipped module, and the summary
 * shows each validator's A/B tables and the adoptions in its registry.
 */
public final class DevnetWorldModel {
  private DevnetWorldModel() {}

  /**
   * Puts the shipped module {@code name} in the first miner's module directory, so it submits it
   * from the next epoch on.
   *
   * @throws IllegalArgumentException (one line) for a name that is not a shipped module
   */
  public static Path submit(Devnet devnet, String name) {
    requireNonNull(devnet, "devnet");
    byte[] bytes =
        ShippedModules.bytes(name)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "module: '"
                            + name
                            + "' (expected: one of "
                            + ShippedModules.names()
                            + ")"));
    DevnetMiner miner = devnet.miners().get(0);
    Path file = miner.modulesDirectory().resolve(name + ".json");
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** The adoptions in a validator's registry, oldest first. */
  public static List<Adoption> adoptions(DevnetValidator validator) {
    return ModuleRegistry.open(validator.service().worldModelRegistry()).adoptions();
  }

  /** The A/B table files a validator wrote ({@code epoch-E-NAME-ID.txt}), in epoch order. */
  public static List<Path> trials(DevnetValidator validator) {
    Path dir = validator.service().worldModelRegistry().resolveSibling("module-trials");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .sorted(
              Comparator.comparingLong(DevnetWorldModel::trialEpoch)
                  .thenComparing(Path::getFileName))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long trialEpoch(Path table) {
    String name = table.getFileName().toString();
    int end = name.indexOf('-', "epoch-".length());
    try {
      return name.startsWith("epoch-") && end > 0
          ? Long.parseLong(name.substring("epoch-".length(), end))
          : Long.MAX_VALUE;
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }

  /** Prints the first validator's A/B tables and every validator's adoptions. */
  public static void print(Devnet devnet, PrintWriter out) {
    List<DevnetValidator> validators = devnet.validators();
    out.println("world model:");
    for (Path table : trials(validators.get(0))) {
      out.println("  A/B trial " + table.getFileName() + " (" + validators.get(0).name() + "):");
      try {
        Files.readString(table).lines().forEach(l -> out.println("    " + l));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    for (DevnetValidator v : validators) {
      List<Adoption> adopted = adoptions(v);
      if (adopted.isEmpty()) {
        out.println("  " + v.name() + ": world model 0 (no adoption)");
      }
      for (Adoption a : adopted) {
        out.println(
            "  "
                + v.name()
                + ": adopted "
                + a.module().name()
                + " "
                + a.module().id().shortHex()
                + " -> world model "
                + a.version());
      }
    }
    out.flush();
  }
}
