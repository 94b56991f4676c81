/**
 * The Netty 4.2 implementation of the node's HTTP server and client: pipelines, the per-connection
 * request state machine (route, header checks, bounded body, dispatch to the node's own executors,
 * signed response), connection admission (whole-server and per-address caps where the connection
 * quiet longest gives way, and a first-byte deadline), the slow-client deadline, and the pooled
 * client; and WebSocket text sockets ({@link
 * io.aurelius.core.transport.netty.NettyTextSocketConnector}, for the Substrate JSON-RPC client).
 * The only package (with {@code transport} itself) that imports Netty; everything it exposes is
 * typed with {@code transport} and {@code protocol} types. Only node wiring, benchmarks, tests and
 * the Substrate client's factory name it.
 */
package io.aurelius.core.transport.netty;
