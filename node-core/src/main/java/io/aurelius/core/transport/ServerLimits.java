package io.aurelius.core.transport;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.json.JsonLimits;
import java.time.Duration;

/**
 * Every bound a node's server enforces. {@link #defaults()} suits a public node; tests and the
 * benchmark tighten or loosen single values with {@link #toBuilder()}.
 *
 * @param maxConnections open connections at once; at this many, a new connection displaces the
 *     connection that has been quiet longest (never sent a request first, then idle between
 *     requests), or is closed at once if every connection is in a request
 * @param maxConnectionsPerAddress open connections from one IP address; beyond it the same rule
 *     applies among that address's connections
 * @param firstByteTimeout a new connection that sends nothing for this long is closed (the read
 *     deadline only starts at the first byte)
 * @param maxHeaderBytes request line and headers together
 * @param maxBodyBytes default body limit of a signed route (413 beyond it)
 * @param maxBufferedBytes request bodies held in memory at once, across connections (503)
 * @param requestReadTimeout from the first byte of a request to its last (slow clients: 408,
 *     connection closed)
 * @param idleTimeout a kept-alive connection with no request for this long is closed
 * @param nonceAllowedDelta how old a btauth/1 nonce may be (the spec's default: 10 s)
 * @param nonceFutureBound how far ahead of this node's clock a nonce may be (default: 2 s)
 * @param replayCapacity accepted (hotkey, nonce) pairs the replay store holds inside the window
 *     (503 when all are live)
 * @param ratePerSecond token refill per sender hotkey
 * @param rateBurst token bucket size per sender hotkey
 * @param workers protocol worker threads (the stake-priority pool)
 * @param queueCapacity calls waiting for a worker (503 beyond, lowest stake first out)
 * @param maxQueueWait a call that waited longer is answered 408
 * @param plainWorkers plain-HTTP worker threads ({@code OPS} routes: health, metrics)
 * @param plainQueue plain-HTTP requests waiting for a worker (503 beyond)
 * @param bulkWorkers worker threads of {@code BULK} plain routes (git), apart from every other pool
 * @param bulkQueue {@code BULK} requests waiting for a worker (503 beyond)
 * @param maxBulkBufferedBytes {@code BULK} request bodies held in memory at once (503 beyond),
 *     apart from {@code maxBufferedBytes}, which signed and {@code OPS} routes share
 * @param bulkRatePerSecond token refill per remote address for {@code BULK} requests (429 beyond)
 * @param bulkRateBurst token bucket size per remote address for {@code BULK} requests
 * @param ioThreads Netty event loops (0: Netty's default, twice the cores)
 * @param json limits for parsing request bodies
 */
public record ServerLimits(
    int maxConnections,
    int maxConnectionsPerAddress,
    Duration firstByteTimeout,
    int maxHeaderBytes,
    int maxBodyBytes,
    long maxBufferedBytes,
    Duration requestReadTimeout,
    Duration idleTimeout,
    Duration nonceAllowedDelta,
    Duration nonceFutureBound,
    int replayCapacity,
    double ratePerSecond,
    int rateBurst,
    int workers,
    int queueCapacity,
    Duration maxQueueWait,
    int plainWorkers,
    int plainQueue,
    int bulkWorkers,
    int bulkQueue,
    long maxBulkBufferedBytes,
    double bulkRatePerSecond,
    int bulkRateBurst,
    int ioThreads,
    JsonLimits json) {

  public ServerLimits {
    atLeast(1, maxConnections, "maxConnections");
    atLeast(1, maxConnectionsPerAddress, "maxConnectionsPerAddress");
    positive(firstByteTimeout, "firstByteTimeout");
    atLeast(1024, maxHeaderBytes, "maxHeaderBytes");
    atLeast(0, maxBodyBytes, "maxBodyBytes");
    if (maxBufferedBytes < maxBodyBytes) {
      throw new IllegalArgumentException(
          "maxBufferedBytes: "
              + maxBufferedBytes
              + " (expected: at least maxBodyBytes "
              + maxBodyBytes
              + ")");
    }
    positive(requestReadTimeout, "requestReadTimeout");
    positive(idleTimeout, "idleTimeout");
    positive(nonceAllowedDelta, "nonceAllowedDelta");
    positive(nonceFutureBound, "nonceFutureBound");
    atLeast(1, replayCapacity, "replayCapacity");
    if (!(ratePerSecond > 0)) {
      throw new IllegalArgumentException("ratePerSecond: " + ratePerSecond + " (expected: > 0)");
    }
    atLeast(1, rateBurst, "rateBurst");
    atLeast(1, workers, "workers");
    atLeast(1, queueCapacity, "queueCapacity");
    positive(maxQueueWait, "maxQueueWait");
    atLeast(1, plainWorkers, "plainWorkers");
    atLeast(1, plainQueue, "plainQueue");
    atLeast(1, bulkWorkers, "bulkWorkers");
    atLeast(1, bulkQueue, "bulkQueue");
    atLeast(0, maxBulkBufferedBytes, "maxBulkBufferedBytes");
    if (!(bulkRatePerSecond > 0)) {
      throw new IllegalArgumentException(
          "bulkRatePerSecond: " + bulkRatePerSecond + " (expected: > 0)");
    }
    atLeast(1, bulkRateBurst, "bulkRateBurst");
    atLeast(0, ioThreads, "ioThreads");
    requireNonNull(json, "json");
  }

  public static ServerLimits defaults() {
    return new ServerLimits(
        1024,
        128,
        Duration.ofSeconds(5),
        16 * 1024,
        JsonLimits.UNTRUSTED.maxBytes(),
        64L << 20,
        Duration.ofSeconds(10),
        Duration.ofSeconds(60),
        Duration.ofSeconds(10),
        Duration.ofSeconds(2),
        100_000,
        50,
        100,
        Math.max(2, Runtime.getRuntime().availableProcessors()),
        256,
        Duration.ofSeconds(5),
        4,
        64,
        Math.max(1, Runtime.getRuntime().availableProcessors() / 2),
        16,
        16L << 20,
        4,
        16,
        0,
        JsonLimits.UNTRUSTED);
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  private static void atLeast(long min, long value, String name) {
    if (value < min) {
      throw new IllegalArgumentException(name + ": " + value + " (expected: at least " + min + ")");
    }
  }

  private static void positive(Duration d, String name) {
    requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + ": " + d + " (expected: positive)");
    }
  }

  /** Changes single limits; {@link #build()} validates the whole set. */
  public static final class Builder {
    private int maxConnections;
    private int maxConnectionsPerAddress;
    private Duration firstByteTimeout;
    private int maxHeaderBytes;
    private int maxBodyBytes;
    private long maxBufferedBytes;
    private Duration requestReadTimeout;
    private Duration idleTimeout;
    private Duration nonceAllowedDelta;
    private Duration nonceFutureBound;
    private int replayCapacity;
    private double ratePerSecond;
    private int rateBurst;
    private int workers;
    private int queueCapacity;
    private Duration maxQueueWait;
    private int plainWorkers;
    private int plainQueue;
    private int bulkWorkers;
    private int bulkQueue;
    private long maxBulkBufferedBytes;
    private double bulkRatePerSecond;
    private int bulkRateBurst;
    private int ioThreads;
    private JsonLimits json;

    private Builder(ServerLimits l) {
      maxConnections = l.maxConnections;
      maxConnectionsPerAddress = l.maxConnectionsPerAddress;
      firstByteTimeout = l.firstByteTimeout;
      maxHeaderBytes = l.maxHeaderBytes;
      maxBodyBytes = l.maxBodyBytes;
      maxBufferedBytes = l.maxBufferedBytes;
      requestReadTimeout = l.requestReadTimeout;
      idleTimeout = l.idleTimeout;
      nonceAllowedDelta = l.nonceAllowedDelta;
      nonceFutureBound = l.nonceFutureBound;
      replayCapacity = l.replayCapacity;
      ratePerSecond = l.ratePerSecond;
      rateBurst = l.rateBurst;
      workers = l.workers;
      queueCapacity = l.queueCapacity;
      maxQueueWait = l.maxQueueWait;
      plainWorkers = l.plainWorkers;
      plainQueue = l.plainQueue;
      bulkWorkers = l.bulkWorkers;
      bulkQueue = l.bulkQueue;
      maxBulkBufferedBytes = l.maxBulkBufferedBytes;
      bulkRatePerSecond = l.bulkRatePerSecond;
      bulkRateBurst = l.bulkRateBurst;
      ioThreads = l.ioThreads;
      json = l.json;
    }

    public Builder maxConnections(int v) {
      maxConnections = v;
      return this;
    }

    public Builder maxConnectionsPerAddress(int v) {
      maxConnectionsPerAddress = v;
      return this;
    }

    public Builder firstByteTimeout(Duration v) {
      firstByteTimeout = v;
      return this;
    }

    public Builder maxHeaderBytes(int v) {
      maxHeaderBytes = v;
      return this;
    }

    public Builder maxBodyBytes(int v) {
      maxBodyBytes = v;
      return this;
    }

    public Builder maxBufferedBytes(long v) {
      maxBufferedBytes = v;
      return this;
    }

    public Builder requestReadTimeout(Duration v) {
      requestReadTimeout = v;
      return this;
    }

    public Builder idleTimeout(Duration v) {
      idleTimeout = v;
      return this;
    }

    public Builder nonceAllowedDelta(Duration v) {
      nonceAllowedDelta = v;
      return this;
    }

    public Builder nonceFutureBound(Duration v) {
      nonceFutureBound = v;
      return this;
    }

    public Builder replayCapacity(int v) {
      replayCapacity = v;
      return this;
    }

    public Builder rate(double perSecond, int burst) {
      ratePerSecond = perSecond;
      rateBurst = burst;
      return this;
    }

    public Builder workers(int v) {
      workers = v;
      return this;
    }

    public Builder queue(int capacity, Duration maxWait) {
      queueCapacity = capacity;
      maxQueueWait = maxWait;
      return this;
    }

    public Builder plainWorkers(int threads, int queue) {
      plainWorkers = threads;
      plainQueue = queue;
      return this;
    }

    public Builder bulkWorkers(int threads, int queue) {
      bulkWorkers = threads;
      bulkQueue = queue;
      return this;
    }

    public Builder maxBulkBufferedBytes(long v) {
      maxBulkBufferedBytes = v;
      return this;
    }

    /** Per remote address, for {@code BULK} routes (git): refill per second and bucket size. */
    public Builder bulkRate(double perSecond, int burst) {
      bulkRatePerSecond = perSecond;
      bulkRateBurst = burst;
      return this;
    }

    public Builder ioThreads(int v) {
      ioThreads = v;
      return this;
    }

    public Builder json(JsonLimits v) {
      json = v;
      return this;
    }

    public ServerLimits build() {
      return new ServerLimits(
          maxConnections,
          maxConnectionsPerAddress,
          firstByteTimeout,
          maxHeaderBytes,
          maxBodyBytes,
          maxBufferedBytes,
          requestReadTimeout,
          idleTimeout,
          nonceAllowedDelta,
          nonceFutureBound,
          replayCapacity,
          ratePerSecond,
          rateBurst,
          workers,
          queueCapacity,
          maxQueueWait,
          plainWorkers,
          plainQueue,
          bulkWorkers,
          bulkQueue,
          maxBulkBufferedBytes,
          bulkRatePerSecond,
          bulkRateBurst,
          ioThreads,
          json);
    }
  }
}
