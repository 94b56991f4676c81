package io.aurelius.node.devnet;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * How a devnet runs.
 *
 * @param home where every node's home lives (wiped first if it holds an earlier devnet)
 * @param epochs validator epochs to run, 1..100
 * @param seeds world-model seeds per configuration and framing, 1..16
 * @param blockIntervalMillis time between the dev chain's blocks, 50..5000
 * @param tempo blocks between the chain's Yuma epochs, 2..1000
 */
public record DevnetSettings(Path home, int epochs, int seeds, long blockIntervalMillis,
    int tempo) {
  public static final int MINERS = 3;
  public static final int VALIDATORS = 2;

  public DevnetSettings {
    requireNonNull(home, "home");
    check("epochs", epochs, 1, 100);
    check("seeds", seeds, 1, 16);
    check("block-interval-ms", blockIntervalMillis, 50, 5000);
    check("tempo", tempo, 2, 1000);
  }

  public static DevnetSettings defaults(Path home) {
    return new DevnetSettings(home, 2, 1, 250, 8);
  }

  private static void check(String name, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + ": " + value + " (expected: " + min + ".." + max + ")");
    }
  }
}
