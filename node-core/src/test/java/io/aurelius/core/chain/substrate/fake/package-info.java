/**
 * A fake Substrate node for tests: a real WebSocket server on loopback that answers JSON-RPC
 * requests from the recorded mainnet traffic of {@code testdata/subtensor/}, with injected latency
 * and faults. Shared with other modules through node-core's test-jar.
 */
package io.aurelius.core.chain.substrate.fake;
