/**
 * JSON-RPC 2.0 over WebSocket to a Substrate node ({@code ws://} or {@code wss://}): request ids, a
 * timeout per call, bounded frame and message sizes, reconnect with backoff and subscriptions
 * ({@code chain_subscribeFinalizedHeads}, {@code author_submitAndWatchExtrinsic}). {@link
 * io.aurelius.core.chain.substrate.rpc.SubstrateRpc} is what the rest of the code programs against;
 * {@link io.aurelius.core.chain.substrate.rpc.WebSocketRpcClient} speaks it over a {@code
 * transport.TextSocket} (Netty's, from {@code transport.netty}; no Netty type here). Errors are
 * {@link io.aurelius.core.chain.substrate.rpc.RpcException} (a {@code ChainUnavailableException}),
 * one line naming the method.
 */
package io.aurelius.core.chain.substrate.rpc;
