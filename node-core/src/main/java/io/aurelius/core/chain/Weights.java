package io.aurelius.core.chain;

import java.util.List;

/**
 * Weights as sent to a chain: target UIDs and u16 values, parallel. Only the shape is checked here
 * (bounded sizes, u16 ranges); whether the UIDs exist, repeat or match the values in number is for
 * the chain to judge, with a reason.
 */
public record Weights(List<Integer> uids, List<Integer> values) {
  /** At most this many entries; Subtensor's largest subnet has 4096 UIDs. */
  public static final int MAX_ENTRIES = 4096;

  public Weights {
    uids = List.copyOf(uids);
    values = List.copyOf(values);
    checkU16List("uids", uids, MAX_ENTRIES);
    checkU16List("values", values, MAX_ENTRIES);
  }

  static void checkU16List(String name, List<Integer> list, int maxSize) {
    if (list.size() > maxSize) {
      throw new IllegalArgumentException(
          name + ": " + list.size() + " entries (expected: at most " + maxSize + ")");
    }
    for (int i = 0; i < list.size(); i++) {
      int v = list.get(i);
      if (v < 0 || v > 65535) {
        throw new IllegalArgumentException(name + "[" + i + "]: " + v + " (expected: 0..65535)");
      }
    }
  }
}
