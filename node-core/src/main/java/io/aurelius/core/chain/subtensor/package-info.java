/**
 * The {@code Chain} over Subtensor, the Bittensor chain: the metagraph of a subnet read through
 * runtime-API calls typed by the runtime's own metadata ({@link
 * io.aurelius.core.chain.subtensor.MetagraphReader}), values converted as the Bittensor SDK
 * converts them, the well-known networks ({@link
 * io.aurelius.core.chain.subtensor.SubtensorNetwork}) and {@link
 * io.aurelius.core.chain.subtensor.SubtensorChain}. Depends on {@code
 * io.aurelius.core.chain.substrate}; nothing below it depends on this package.
 */
package io.aurelius.core.chain.subtensor;
