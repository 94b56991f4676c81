/**
 * The dev chain served to other nodes, and reached from them: {@link
 * io.aurelius.core.chain.service.ChainService} with one request/response record pair per RPC
 * ({@link io.aurelius.core.chain.service.ChainRoute}), their JSON bodies ({@link
 * io.aurelius.core.chain.service.ChainJson}), the server side's routes and open peer directory
 * ({@link io.aurelius.core.chain.service.ChainRoutes}, {@link
 * io.aurelius.core.chain.service.ChainPeers}), and the client, {@link
 * io.aurelius.core.chain.service.RemoteChain}, a {@link io.aurelius.core.chain.Chain} over the
 * signed protocol. Depends on the chain API, {@code chain.dev}, {@code chain.extrinsic}, and
 * node-core's transport API (never its Netty implementation), protocol and json packages.
 */
package io.aurelius.core.chain.service;
