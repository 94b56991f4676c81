package io.aurelius.validator.modules;

import io.aurelius.config.catalogue.Catalogue;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a validator's epoch trials run ({@link BenchmarkSuite#epoch(java.util.List,
 * io.aurelius.config.module.ModuleSet, SuiteSettings)}): the catalogue {@code scenarios}, {@code
 * sample} accepted configurations beside them, and seeds 1..{@code seeds}. Operators set them with
 * {@code --module-suite}, {@code --module-suite-sample} and {@code --module-suite-seeds}; the
 * messages of bad values name those settings. The suite is published: validators of a subnet must
 * set the same values.
 */
public record SuiteSettings(List<String> scenarios, int sample, int seeds) {
  public static final int MAX_SAMPLE = 50;
  public static final int MAX_SEEDS = 20;

  /** The whole catalogue, 2 accepted configurations, seeds 1–3. */
  public static final SuiteSettings DEFAULTS = new SuiteSettings(Catalogue.names(), 2, 3);

  public SuiteSettings {
    scenarios = List.copyOf(scenarios);
    if (scenarios.isEmpty()) {
      throw new IllegalArgumentException(
          "module-suite: none (expected: catalogue scenarios, default all of "
              + String.join(",", Catalogue.names())
              + ")");
    }
    Set<String> seen = new HashSet<>();
    for (String name : scenarios) {
      if (!Catalogue.names().contains(name)) {
        throw new IllegalArgumentException(
            "module-suite: no catalogue scenario '"
                + name
                + "' (expected: some of "
                + String.join(",", Catalogue.names())
                + ")");
      }
      if (!seen.add(name)) {
        throw new IllegalArgumentException(
            "module-suite: '" + name + "' named twice (expected: each scenario once)");
      }
    }
    if (sample < 0 || sample > MAX_SAMPLE) {
      throw new IllegalArgumentException(
          "module-suite-sample: " + sample + " (expected: 0.." + MAX_SAMPLE + ")");
    }
    if (seeds < 1 || seeds > MAX_SEEDS) {
      throw new IllegalArgumentException(
          "module-suite-seeds: " + seeds + " (expected: 1.." + MAX_SEEDS + ")");
    }
  }

  /** Seeds 1..{@link #seeds()}. */
  public List<Long> seedList() {
    return java.util.stream.LongStream.rangeClosed(1, seeds).boxed().toList();
  }
}
