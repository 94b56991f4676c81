package io.aurelius.core.chain.yuma;

import java.util.List;

/** The outcome of one epoch, one {@link YumaResult} per UID (the list index is the UID). */
public record YumaOutput(List<YumaResult> neurons) {
  public YumaOutput {
    neurons = List.copyOf(neurons);
  }

  public YumaResult uid(int uid) {
    return neurons.get(uid);
  }

  public long totalEmission() {
    long total = 0;
    for (YumaResult r : neurons) {
      total += r.emission();
    }
    return total;
  }
}
