/**
 * {@code aurelius miner}: the miner's library commands ({@code add}, {@code list}, {@code fork
 * URL#ID}) and {@code run}, which wires the miner service (key store, peer directory, the Netty
 * server, shutdown on SIGTERM, the ports file). Depends on the miner module's public API,
 * node-core, and the CLI plumbing in {@code io.aurelius.node.cli}.
 */
package io.aurelius.node.cli.miner;
