/**
 * The signed wire protocol between nodes, free of any network library: the header set and the
 * signing messages of requests and responses, the nonce window that refuses replays, the per-hotkey
 * rate limiter, the stake-ordered bounded work queue, the {@link
 * io.aurelius.core.protocol.PeerDirectory} the chain answers ("is this hotkey registered, banned,
 * how much stake"), and the {@link io.aurelius.core.protocol.RequestGate} that applies the checks
 * in their fixed order. Depends on {@code core.crypto}, {@code core.identity} and {@code
 * core.hash}; the transport implements it on Netty, and the chain implements {@code PeerDirectory}.
 */
package io.aurelius.core.protocol;
