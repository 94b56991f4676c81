/**
 * The miner as a running node: {@link io.aurelius.miner.service.MinerService}, a node-core {@code
 * Service} that serves the signed route {@code miner/query} (answering validators with signed
 * submissions, rotating through the library), the library read-only over git smart HTTP under
 * {@code /git/configs.git}, {@code /healthz} and {@code /metrics}, and announces its endpoint
 * through an {@link io.aurelius.miner.service.EndpointAnnouncer} (on a chain: {@code
 * io.aurelius.miner.chain.ChainEndpoint}); it hands SN37's route handler ({@code
 * io.aurelius.miner.sn37}) the served configurations. Depends on node-core's transport API (never
 * its Netty implementation, which node wiring hands in as a {@link
 * io.aurelius.miner.service.ServerFactory}), githttp, metrics and service packages, the config
 * module, and the miner's library, intake and sn37 packages.
 */
package io.aurelius.miner.service;
