/**
 * The chain as nodes see it: the {@link io.aurelius.core.chain.Chain} interface and its records
 * (metagraph, neurons, endpoints, receipts, weights). Miners and validators depend on this package
 * only; implementations live in subpackages ({@code dev} for the embedded dev chain) or, for
 * Subtensor, in an adapter that implements the same interface. Depends on node-core's crypto and
 * identity packages.
 */
package io.aurelius.core.chain;
