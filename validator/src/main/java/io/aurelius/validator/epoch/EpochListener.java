package io.aurelius.validator.epoch;

/** Told about an epoch's progress (the operator status lines, the devnet's progress display). */
public interface EpochListener {
  EpochListener NONE = new EpochListener() {};

  default void started(long epoch, boolean resumed) {}

  default void step(long epoch, String step, String summary) {}

  default void finished(EpochReport report) {}
}
