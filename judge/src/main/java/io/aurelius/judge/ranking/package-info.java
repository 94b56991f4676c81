/**
 * DLV-gated Pareto ranking and chain weights, as pure deterministic functions: the DLV gate,
 * non-dominated sorting on novelty, token efficiency and immersion, crowding-distance shares of the
 * first front, exponential moving average across epochs, and Bittensor's set_weights processing
 * (normalise, cap, quantise to u16). The same inputs give the same bytes on every node. Depends on
 * node-core's canonical JSON only.
 */
package io.aurelius.judge.ranking;
