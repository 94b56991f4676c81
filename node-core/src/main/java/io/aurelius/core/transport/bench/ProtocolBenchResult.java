package io.aurelius.core.transport.bench;

import io.aurelius.core.crypto.KeyScheme;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The figures of one protocol benchmark run.
 *
 * @param clients concurrent clients (each its own hotkey and connection, one call in flight)
 * @param warmup how long the clients ran before measuring
 * @param warmupEnd why warm-up ended
 * @param measured the measurement window (after warm-up)
 * @param calls calls completed with a verified answer inside the window
 * @param failures calls that did not get a verified 200 inside the window
 * @param roundTripsPerSecond {@code calls / measured}
 * @param p50 median latency of a round trip
 * @param p99 99th-percentile latency
 * @param verifiesPerSecond raw verifications per second of {@code scheme} on one thread, same run
 *     (the mean of a measurement before and one after the round trips)
 * @param cores processors available to the JVM (client and server share them)
 * @param scheme the hotkeys' key scheme, and so the baseline's
 */
public record ProtocolBenchResult(
    int clients,
    Duration warmup,
    WarmupEnd warmupEnd,
    Duration measured,
    long calls,
    long failures,
    double roundTripsPerSecond,
    Duration p50,
    Duration p99,
    double verifiesPerSecond,
    int cores,
    KeyScheme scheme) {
  /** The target the issue sets for {@link #ratio()}. */
  public static final double TARGET_RATIO = 0.5;

  /** Why warm-up ended. */
  public enum WarmupEnd {
    /** The JIT compiler was under 10% busy over the last 2 s. */
    SETTLED("until the JIT compiler settled: under 10% busy over 2 s"),
    /** The longest warm-up ran out with the compiler still busy. */
    TIMED_OUT("the longest warm-up ran out with the JIT compiler still busy; figures understate"),
    /** The JVM does not report compilation time, so only the shortest warm-up ran. */
    UNWATCHED("fixed: this JVM does not report JIT compilation time");

    private final String description;

    WarmupEnd(String description) {
      this.description = description;
    }
  }

  public ProtocolBenchResult withVerifiesPerSecond(double rate) {
    return new ProtocolBenchResult(
        clients,
        warmup,
        warmupEnd,
        measured,
        calls,
        failures,
        roundTripsPerSecond,
        p50,
        p99,
        rate,
        cores,
        scheme);
  }

  /** The figure: round trips per second over single-thread verifications per second. */
  public double ratio() {
    return verifiesPerSecond == 0 ? 0 : roundTripsPerSecond / verifiesPerSecond;
  }

  /** The report, one figure per line. */
  public List<String> lines() {
    return List.of(
        String.format(
            Locale.ROOT,
            "warm-up               %10.1f s   (%s)",
            warmup.toMillis() / 1000.0,
            warmupEnd.description),
        String.format(
            Locale.ROOT,
            "signed round trips    %,10.0f /s  (%s hotkeys, %d concurrent clients, "
                + "loopback, %d cores shared by client and server, %.1f s, %,d calls, %,d failed)",
            roundTripsPerSecond,
            scheme.wireName(),
            clients,
            cores,
            measured.toMillis() / 1000.0,
            calls,
            failures),
        String.format(
            Locale.ROOT,
            "round-trip latency    p50 %.2f ms, p99 %.2f ms",
            p50.toNanos() / 1e6,
            p99.toNanos() / 1e6),
        String.format(
            Locale.ROOT,
            "%-21s %,10.0f /s  (one thread, same run, before and after; the ratio's baseline)",
            scheme.wireName() + " verify",
            verifiesPerSecond),
        String.format(
            Locale.ROOT,
            "ratio                 %10.2f   (round trips / verifies; "
                + "target at least %.2f: %s)",
            ratio(),
            TARGET_RATIO,
            ratio() >= TARGET_RATIO ? "met" : "MISSED"));
  }
}
