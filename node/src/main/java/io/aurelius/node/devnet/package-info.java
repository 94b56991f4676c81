/**
 * The devnet: a whole subnet on loopback in one JVM, for a new user's first run and the acceptance
 * test. {@link io.aurelius.node.devnet.Devnet} starts a dev chain, the sim model server, three
 * miners and two validators on distinct ephemeral ports, each a real node with its own home, keys
 * (made with the key store), HTTP server and chain client over the signed protocol; it registers
 * and stakes everyone through extrinsics, runs epochs and gathers the {@link
 * io.aurelius.node.devnet.DevnetSummary}. Depends on every module; only the CLI depends on it.
 */
package io.aurelius.node.devnet;
