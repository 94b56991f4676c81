package io.aurelius.anchoring.corpus;

import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What an export wrote: its records, how many are output of the embedded simulation model (the
 * entries' honest {@code provenance.model.simulated} label), and the records per model name.
 */
public record ExportCounts(long records, long simulated, SortedMap<String, Long> byModel) {
  public ExportCounts {
    if (records < 0 || simulated < 0 || simulated > records) {
      throw new IllegalArgumentException(
          "export counts: " + simulated + " simulated of " + records + " (expected: 0..records)");
    }
    byModel = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(byModel));
  }
}
