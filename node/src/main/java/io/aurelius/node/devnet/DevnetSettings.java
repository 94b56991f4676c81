package io.aurelius.node.devnet;

import static java.util.Objects.requireNonNull;

import io.aurelius.worldmodel.sim.server.FaultPlan;
import io.aurelius.worldmodel.sim.server.LatencyDistribution;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How a devnet runs.
 *
 * @param home where every node's home lives (wiped first if it holds an earlier devnet)
 * @param epochs validator epochs to run, 1..100
 * @param seeds world-model seeds per configuration and framing, 1..16
 * @param blockIntervalMillis time between the dev chain's blocks, 50..5000
 * @param tempo blocks between the chain's Yuma epochs, 2..1000
 * @param modelLatency how long the sim server takes to answer each model and judge call
 * @param rateLimitRate share of model and judge calls the sim server answers with 429, 0..0.5
 * @param otsCalendars OpenTimestamps calendars the validators stamp checkpoints with; none (the
 *     default: a devnet runs offline) means the devnet's own calendar on loopback ({@link
 *     DevnetCalendar}), whose stamps stay pending since it never reaches Bitcoin
 * @param dishonestValidator the last validator always approves (it proposes every aene it ran and
 *     approves every aene it is asked about, each at probability 1 − ε), to show its trust fall
 */
public record DevnetSettings(
    Path home,
    int epochs,
    int seeds,
    long blockIntervalMillis,
    int tempo,
    LatencyDistribution modelLatency,
    double rateLimitRate,
    List<URI> otsCalendars,
    boolean dishonestValidator) {
  public static final int MINERS = 3;
  public static final int VALIDATORS = 2;

  public DevnetSettings {
    requireNonNull(home, "home");
    check("epochs", epochs, 1, 100);
    check("seeds", seeds, 1, 16);
    check("block-interval-ms", blockIntervalMillis, 50, 5000);
    check("tempo", tempo, 2, 1000);
    requireNonNull(modelLatency, "modelLatency");
    otsCalendars = List.copyOf(otsCalendars);
    if (!(rateLimitRate >= 0 && rateLimitRate <= 0.5)) {
      throw new IllegalArgumentException(
          "model-rate-limit-rate: " + rateLimitRate + " (expected: 0..0.5)");
    }
  }

  public static DevnetSettings defaults(Path home) {
    return new DevnetSettings(
        home, 2, 1, 250, 8, new LatencyDistribution.Fixed(Duration.ZERO), 0, List.of(), false);
  }

  /**
   * Model and judge calls answered after {@code latency}, {@code rateLimitRate} of them with 429.
   */
  public DevnetSettings withModelFaults(LatencyDistribution latency, double rateLimitRate) {
    return new DevnetSettings(
        home,
        epochs,
        seeds,
        blockIntervalMillis,
        tempo,
        latency,
        rateLimitRate,
        otsCalendars,
        dishonestValidator);
  }

  /** The validators stamp their checkpoints with these calendars. */
  public DevnetSettings withOtsCalendars(List<URI> calendars) {
    return new DevnetSettings(
        home,
        epochs,
        seeds,
        blockIntervalMillis,
        tempo,
        modelLatency,
        rateLimitRate,
        calendars,
        dishonestValidator);
  }

  /** The last validator always approves (a dishonest validator, to show trust at work). */
  public DevnetSettings withDishonestValidator(boolean v) {
    return new DevnetSettings(
        home,
        epochs,
        seeds,
        blockIntervalMillis,
        tempo,
        modelLatency,
        rateLimitRate,
        otsCalendars,
        v);
  }

  /** Whether model calls take real-model time (then peers get minutes, not seconds, to answer). */
  public boolean slowModels() {
    return !(modelLatency instanceof LatencyDistribution.Fixed f
        && f.delay().compareTo(Duration.ofMillis(100)) < 0);
  }

  /** The sim server's fault plan: this latency and 429 rate, nothing else. */
  public FaultPlan faultPlan() {
    FaultPlan n = FaultPlan.NONE;
    return new FaultPlan(modelLatency, 0, rateLimitRate, 0, 0, n.hangTime(), 0, true, 0);
  }

  private static void check(String name, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          name + ": " + value + " (expected: " + min + ".." + max + ")");
    }
  }
}
