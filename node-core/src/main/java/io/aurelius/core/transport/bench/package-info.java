/**
 * The protocol benchmark behind {@code aurelius bench protocol}: signed round trips per second
 * through a real server and real clients on loopback, with latency percentiles, set against the raw
 * verification rate of the hotkeys' scheme measured in the same run; and the sign and verify rates
 * of every key scheme, side by side ({@link io.aurelius.core.transport.bench.SignatureBench}).
 * Depends on the transport and its Netty implementation, the protocol's identity and the crypto
 * package's signers and verifiers; only the CLI depends on it.
 */
package io.aurelius.core.transport.bench;
