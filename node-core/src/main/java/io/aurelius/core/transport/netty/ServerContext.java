package io.aurelius.core.transport.netty;

import io.aurelius.core.protocol.RequestGate;
import io.aurelius.core.protocol.StakePriorityExecutor;
import io.aurelius.core.transport.CallProcessor;
import io.aurelius.core.transport.ServerSpec;
import io.aurelius.core.transport.TransportMetrics;
import java.util.concurrent.ExecutorService;

/** What every connection of one server shares. */
record ServerContext(ServerSpec spec, RequestGate gate, CallProcessor processor,
    StakePriorityExecutor protocolWorkers, ExecutorService plainWorkers, BufferBudget budget,
    TransportMetrics metrics) {}
