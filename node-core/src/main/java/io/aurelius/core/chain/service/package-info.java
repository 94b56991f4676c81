/**
 * The dev chain served to other nodes: {@link io.aurelius.core.chain.service.ChainService}
 * with one request/response record pair per RPC ({@link io.aurelius.core.chain.service.ChainRoute}),
 * and their JSON bodies ({@link io.aurelius.core.chain.service.ChainJson}). Netty-free: the
 * signed transport's routes call {@code handle} with the parsed body. Depends on the chain API,
 * {@code chain.dev}, {@code chain.extrinsic} and node-core's json package.
 */
package io.aurelius.core.chain.service;
