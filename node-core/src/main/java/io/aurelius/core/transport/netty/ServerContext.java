package io.aurelius.core.transport.netty;

import io.aurelius.core.protocol.HotkeyRateLimiter;
import io.aurelius.core.protocol.RequestGate;
import io.aurelius.core.protocol.StakePriorityExecutor;
import io.aurelius.core.protocol.btauth.BoundedReplayStore;
import io.aurelius.core.transport.CallProcessor;
import io.aurelius.core.transport.ServerLimits;
import io.aurelius.core.transport.ServerSpec;
import io.aurelius.core.transport.TransportMetrics;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** What every connection of one server shares; {@link #close()} stops its worker threads. */
record ServerContext(
    ServerSpec spec,
    RequestGate gate,
    HotkeyRateLimiter limiter,
    CallProcessor processor,
    StakePriorityExecutor protocolWorkers,
    ThreadPoolExecutor plainWorkers,
    BufferBudget budget,
    TransportMetrics metrics)
    implements AutoCloseable {

  static ServerContext create(ServerSpec spec) {
    ServerLimits limits = spec.limits();
    TransportMetrics metrics = new TransportMetrics();
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
        new ThreadPoolExecutor(
            limits.plainWorkers(),
            limits.plainWorkers(),
            60,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(limits.plainQueue()),
            new DefaultThreadFactory(spec.name() + "-plain", true),
            new ThreadPoolExecutor.AbortPolicy());
    return new ServerContext(
        spec,
        gate,
        limiter,
        new CallProcessor(spec.identity(), gate, limits.json(), metrics),
        protocolWorkers,
        plainWorkers,
        new BufferBudget(limits.maxBufferedBytes()),
        metrics);
  }

  @Override
  public void close() {
    protocolWorkers.close();
    plainWorkers.shutdown();
  }
}
