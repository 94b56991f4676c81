package io.aurelius.worldmodel.sim.server;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Which faults the server injects, and how often: each request draws, in this order, a hang (no
 * answer until {@code hangTime} passes, then the connection is closed), a 500, a 429, or a
 * malformed answer; otherwise it answers properly after a latency drawn from {@code latency}. With
 * {@code faultRequests > 0} only the first that many requests may be faulted ("500s for a while").
 * {@code usage} off omits {@code usage} from answers.
 */
public record FaultPlan(
    LatencyDistribution latency,
    double errorRate,
    double rateLimitRate,
    double malformedRate,
    double hangRate,
    Duration hangTime,
    long faultRequests,
    boolean usage,
    long seed) {
  public static final FaultPlan NONE =
      new FaultPlan(
          new LatencyDistribution.Fixed(Duration.ZERO),
          0,
          0,
          0,
          0,
          Duration.ofMinutes(10),
          0,
          true,
          0);

  public FaultPlan {
    requireNonNull(latency, "latency");
    requireNonNull(hangTime, "hangTime");
    rate("error-rate", errorRate);
    rate("rate-limit-rate", rateLimitRate);
    rate("malformed-rate", malformedRate);
    rate("hang-rate", hangRate);
    if (faultRequests < 0) {
      throw new IllegalArgumentException("fault-requests: " + faultRequests + " (expected: >= 0)");
    }
  }

  private static void rate(String what, double r) {
    if (!(r >= 0 && r <= 1)) {
      throw new IllegalArgumentException(what + ": " + r + " (expected: 0..1)");
    }
  }

  public FaultPlan withLatency(LatencyDistribution l) {
    return new FaultPlan(
        l, errorRate, rateLimitRate, malformedRate, hangRate, hangTime, faultRequests, usage, seed);
  }

  public FaultPlan withErrors(double error, double rateLimit) {
    return new FaultPlan(
        latency, error, rateLimit, malformedRate, hangRate, hangTime, faultRequests, usage, seed);
  }

  public FaultPlan withMalformed(double rate) {
    return new FaultPlan(
        latency, errorRate, rateLimitRate, rate, hangRate, hangTime, faultRequests, usage, seed);
  }

  public FaultPlan withHangs(double rate, Duration time) {
    return new FaultPlan(
        latency, errorRate, rateLimitRate, malformedRate, rate, time, faultRequests, usage, seed);
  }

  public FaultPlan withFaultRequests(long n) {
    return new FaultPlan(
        latency, errorRate, rateLimitRate, malformedRate, hangRate, hangTime, n, usage, seed);
  }

  public FaultPlan withUsage(boolean u) {
    return new FaultPlan(
        latency,
        errorRate,
        rateLimitRate,
        malformedRate,
        hangRate,
        hangTime,
        faultRequests,
        u,
        seed);
  }

  public String describe() {
    return "latency "
        + latency.describe()
        + ", 500s "
        + errorRate
        + ", 429s "
        + rateLimitRate
        + ", malformed "
        + malformedRate
        + ", hangs "
        + hangRate
        + (faultRequests > 0 ? " (first " + faultRequests + " requests)" : "")
        + (usage ? "" : ", usage omitted");
  }
}
