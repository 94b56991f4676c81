package io.aurelius.core.transport.netty;

import io.aurelius.core.protocol.HotkeyRateLimiter;
import io.aurelius.core.protocol.RequestGate;
import io.aurelius.core.protocol.StakePriorityExecutor;
import io.aurelius.core.protocol.TokenBuckets;
import io.aurelius.core.protocol.btauth.BoundedReplayStore;
import io.aurelius.core.transport.CallProcessor;
import io.aurelius.core.transport.PlainRoute;
import io.aurelius.core.transport.RefusalLog;
import io.aurelius.core.transport.ServerLimits;
import io.aurelius.core.transport.ServerSpec;
import io.aurelius.core.transport.TransportMetrics;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetAddress;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * What every connection of one server shares; {@link #close()} stops its worker threads. Plain
 * routes of the {@code BULK} lane (git) have workers, a body budget and a rate limit per remote
 * address of their own, so however many of them arrive, {@code OPS} routes and signed calls keep
 * theirs.
 */
record ServerContext(
    ServerSpec spec,
    RequestGate gate,
    HotkeyRateLimiter limiter,
    TokenBuckets<InetAddress> bulkLimiter,
    CallProcessor processor,
    StakePriorityExecutor protocolWorkers,
    ThreadPoolExecutor plainWorkers,
    ThreadPoolExecutor bulkWorkers,
    BufferBudget budget,
    BufferBudget bulkBudget,
    TransportMetrics metrics)
    implements AutoCloseable {

  static ServerContext create(ServerSpec spec) {
    ServerLimits limits = spec.limits();
    TransportMetrics metrics = new TransportMetrics(spec.metrics(), new RefusalLog());
    HotkeyRateLimiter limiter =
        new HotkeyRateLimiter(limits.ratePerSecond(), limits.rateBurst(), spec.clock());
    RequestGate gate =
        new RequestGate(
            spec.identity().hotkey(),
            spec.directory(),
            new BoundedReplayStore(
                limits.nonceAllowedDelta().plus(limits.nonceFutureBound()),
                limits.replayCapacity()),
            spec.clock(),
            limits.nonceAllowedDelta(),
            limits.nonceFutureBound(),
            limiter);
    StakePriorityExecutor protocolWorkers =
        new StakePriorityExecutor(
            spec.name(),
            limits.workers(),
            limits.queueCapacity(),
            limits.maxQueueWait(),
            spec.clock());
    metrics.queueDepth(protocolWorkers::queued);
    ThreadPoolExecutor plainWorkers =
        pool(spec.name() + "-plain", limits.plainWorkers(), limits.plainQueue());
    ThreadPoolExecutor bulkWorkers =
        pool(spec.name() + "-bulk", limits.bulkWorkers(), limits.bulkQueue());
    return new ServerContext(
        spec,
        gate,
        limiter,
        new TokenBuckets<>(limits.bulkRatePerSecond(), limits.bulkRateBurst(), spec.clock()),
        new CallProcessor(spec.identity(), gate, limits.json(), metrics),
        protocolWorkers,
        plainWorkers,
        bulkWorkers,
        new BufferBudget(limits.maxBufferedBytes()),
        new BufferBudget(limits.maxBulkBufferedBytes()),
        metrics);
  }

  /** The workers that serve {@code route}. */
  ThreadPoolExecutor workersFor(PlainRoute route) {
    return route.lane() == PlainRoute.Lane.BULK ? bulkWorkers : plainWorkers;
  }

  /** The budget {@code route}'s request bodies are held in. */
  BufferBudget budgetFor(PlainRoute route) {
    return route.lane() == PlainRoute.Lane.BULK ? bulkBudget : budget;
  }

  private static ThreadPoolExecutor pool(String name, int threads, int queue) {
    return new ThreadPoolExecutor(
        threads,
        threads,
        60,
        TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(queue),
        new DefaultThreadFactory(name, true),
        new ThreadPoolExecutor.AbortPolicy());
  }

  @Override
  public void close() {
    protocolWorkers.close();
    plainWorkers.shutdown();
    bulkWorkers.shutdown();
  }
}
