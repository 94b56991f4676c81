/**
 * Substrate (Subtensor) support, the foundation of a {@code Chain} over a real Bittensor chain
 * (issue 12): the SCALE codec ({@code scale}), runtime metadata V14/V15 and its portable type
 * registry ({@code metadata}), storage keys ({@code storage}) and a generic value tree decoded by
 * type id ({@code value}). Everything is driven by the metadata a node is given; no pallet index,
 * call index or extension list is fixed in code. No network yet. Depends on node-core's crypto
 * (BLAKE2b) and identity packages only; the future Subtensor client depends on it.
 */
package io.aurelius.core.chain.substrate;
