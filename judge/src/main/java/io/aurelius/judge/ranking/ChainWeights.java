package io.aurelius.judge.ranking;

import java.util.List;

/**
 * Weights as set on the chain: parallel lists of UIDs and u16 values, max-upscaled so the largest
 * is 65535, zeros dropped.
 */
public record ChainWeights(List<Integer> uids, List<Integer> values) {
  public ChainWeights {
    uids = List.copyOf(uids);
    values = List.copyOf(values);
    if (uids.size() != values.size()) {
      throw new IllegalArgumentException(
          "uids and values: " + uids.size() + " and " + values.size() + " (expected: equal)");
    }
    for (int v : values) {
      if (v < 1 || v > WeightProcessing.U16_MAX) {
        throw new IllegalArgumentException("weight value " + v + " (expected: 1..65535)");
      }
    }
  }

  /** Little-endian u16 pairs (uid, value), the bytes validators compare. */
  public byte[] bytes() {
    byte[] out = new byte[uids.size() * 4];
    for (int i = 0; i < uids.size(); i++) {
      int u = uids.get(i);
      int v = values.get(i);
      out[4 * i] = (byte) u;
      out[4 * i + 1] = (byte) (u >>> 8);
      out[4 * i + 2] = (byte) v;
      out[4 * i + 3] = (byte) (v >>> 8);
    }
    return out;
  }
}
