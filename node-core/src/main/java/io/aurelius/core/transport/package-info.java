/**
 * The node's HTTP surface as its users see it, without naming Netty: what a server serves ({@link
 * io.aurelius.core.transport.ServerSpec}: signed routes under {@code POST /v1/<route>} with their
 * {@link io.aurelius.core.transport.RouteHandler}s, plain HTTP handlers for {@code /healthz},
 * {@code /metrics}, {@code /git/}), its limits, the worker-side processing of an admitted call, and
 * the client's {@link io.aurelius.core.transport.ProtocolClient} with its typed {@link
 * io.aurelius.core.transport.Reply}; text WebSocket sockets ({@link
 * io.aurelius.core.transport.TextSocket}, {@link io.aurelius.core.transport.TextSocketConnector})
 * for the Substrate JSON-RPC client. Its counters ({@link
 * io.aurelius.core.transport.TransportMetrics}: responses, refusals by route and reason,
 * connections) are exported to a {@code core.metrics} registry, and refusals are logged at a
 * bounded rate ({@link io.aurelius.core.transport.RefusalLog}). Miner, validator and chain code
 * depend on this package; the Netty implementation lives in {@code transport.netty}, which only
 * node wiring and tests name.
 */
package io.aurelius.core.transport;
