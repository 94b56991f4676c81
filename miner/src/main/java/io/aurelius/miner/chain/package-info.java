/**
 * The miner on the chain, through the {@link io.aurelius.core.chain.Chain} interface only (the
 * embedded dev chain, a remote one, or one day Subtensor): the {@link
 * io.aurelius.miner.chain.ValidatorDirectory} that admits the metagraph's validators to {@code
 * miner/query}, the {@link io.aurelius.miner.chain.MetagraphSync} service that keeps it current,
 * and {@link io.aurelius.miner.chain.ChainEndpoint}, which registers the hotkey if asked and serves
 * the bound endpoint. Depends on node-core's chain, protocol and service packages and on the miner
 * service's {@code EndpointAnnouncer}.
 */
package io.aurelius.miner.chain;
