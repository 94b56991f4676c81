package io.aurelius.core.transport.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.function.LongSupplier;

/**
 * Tells when the JIT compiler has settled: it spent less than {@link #QUIET_SHARE} of the last
 * {@link #SPAN} compiling. Until then a throughput figure measures the compiler as much as the
 * code; on two cores under full load it takes 15 s or more to get there, which a fixed warm-up
 * either wastes or cuts short.
 */
final class CompilerSettling {
  static final Duration SPAN = Duration.ofSeconds(2);
  static final double QUIET_SHARE = 0.10;

  private record Sample(long atNanos, long compileMillis) {}

  private final LongSupplier compileMillis;
  private final ArrayDeque<Sample> samples = new ArrayDeque<>();

  /**
   * @param compileMillis total time spent compiling so far, in ms; null if not reported
   */
  CompilerSettling(LongSupplier compileMillis) {
    this.compileMillis = compileMillis;
  }

  /** Watches this JVM's compiler. */
  static CompilerSettling ofThisJvm() {
    CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
    return new CompilerSettling(
        compiler != null && compiler.isCompilationTimeMonitoringSupported()
            ? compiler::getTotalCompilationTime
            : null);
  }

  /** False when the JVM does not report compilation time; then there is nothing to wait for. */
  boolean supported() {
    return compileMillis != null;
  }

  /**
   * Takes a sample at {@code nowNanos}; true once a full span of samples shows a quiet compiler.
   */
  boolean settled(long nowNanos) {
    if (!supported()) {
      return true;
    }
    samples.addLast(new Sample(nowNanos, compileMillis.getAsLong()));
    long spanStart = nowNanos - SPAN.toNanos();
    // The baseline is the newest sample at or before the span's start.
    while (samples.size() > 2 && secondOldest().atNanos() <= spanStart) {
      samples.removeFirst();
    }
    Sample baseline = samples.peekFirst();
    if (baseline.atNanos() > spanStart) {
      return false;
    }
    double compilingNanos = (samples.peekLast().compileMillis() - baseline.compileMillis()) * 1e6;
    return compilingNanos < QUIET_SHARE * (nowNanos - baseline.atNanos());
  }

  private Sample secondOldest() {
    Iterator<Sample> it = samples.iterator();
    it.next();
    return it.next();
  }
}
