package io.aurelius.miner.service;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The latest {@value #KEPT} configurations handed out, newest first (memory only). */
final class Handouts {
  static final int KEPT = 256;
  private final Deque<MinerView.Handout> recent = new ArrayDeque<>();

  synchronized void add(MinerView.Handout h) {
    recent.addFirst(h);
    while (recent.size() > KEPT) {
      recent.removeLast();
    }
  }

  synchronized List<MinerView.Handout> recent() {
    return new ArrayList<>(recent);
  }
}
