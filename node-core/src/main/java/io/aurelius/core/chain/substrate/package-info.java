/**
 * Substrate (Subtensor) support, the foundation of the {@code Chain} over a real Bittensor chain
 * (issue 12): the SCALE codec ({@code scale}), runtime metadata V14/V15 and its portable type
 * registry ({@code metadata}), storage keys ({@code storage}), a generic value tree decoded by type
 * id ({@code value}), JSON-RPC over WebSocket ({@code rpc}) and blocks, metadata, storage and
 * runtime-API calls through it ({@code runtime}). Everything is driven by the metadata a node is
 * given; no pallet index, call index or extension list is fixed in code. The Subtensor {@code
 * Chain} ({@code io.aurelius.core.chain.subtensor}) depends on it.
 */
package io.aurelius.core.chain.substrate;
