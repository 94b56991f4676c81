/**
 * The protocol benchmark behind {@code aurelius bench protocol}: signed round trips per second
 * through a real server and real clients on loopback, with latency percentiles, set against the raw
 * Ed25519 verification rate measured in the same run. Depends on the transport and its Netty
 * implementation; only the CLI depends on it.
 */
package io.aurelius.core.transport.bench;
