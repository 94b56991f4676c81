/**
 * The signed wire protocol between nodes, free of any network library: btauth/1 ({@code
 * protocol.btauth}) applied by the {@link io.aurelius.core.protocol.RequestGate} in two parts (the
 * header checks before a body is read, the signature and replay checks on a worker), the node's
 * {@link io.aurelius.core.protocol.ProtocolIdentity} that signs requests and answers, the client's
 * {@link io.aurelius.core.protocol.ResponseCheck}, per-key token buckets, the stake-ordered bounded
 * work queue, and the {@link io.aurelius.core.protocol.PeerDirectory} the chain answers ("is this
 * hotkey registered, banned, with what stake and under which key scheme"). Depends on {@code
 * core.crypto}, {@code core.identity} and {@code core.hash}; the transport implements it on Netty,
 * and the chain implements {@code PeerDirectory}.
 */
package io.aurelius.core.protocol;
