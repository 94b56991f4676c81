/**
 * The embedded dev chain that stands in for Subtensor on a development or private network: genesis,
 * the state and its transition rules (registration with role and endpoint, stake, transfers,
 * weights with commit-reveal v2, rate limits, immunity and pruning), Yuma at each epoch, blocks
 * signed by an authority key and persisted through {@code chain.store}, replay with full checking
 * on restart, and the block producer. Depends on the chain API, {@code chain.yuma}, {@code
 * chain.extrinsic}, {@code chain.store} and node-core's crypto, identity, json and service
 * packages. Nodes use it only through {@link io.aurelius.core.chain.Chain}; the CLI starts it.
 */
package io.aurelius.core.chain.dev;
