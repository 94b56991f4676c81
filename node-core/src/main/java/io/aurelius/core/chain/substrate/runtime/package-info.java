/**
 * A Substrate runtime as seen through JSON-RPC: blocks by hash and number, the runtime version and
 * metadata of a block (V15 through {@code Metadata_metadata_at_version} where the runtime has it,
 * else V14 from {@code state_getMetadata}), cached per spec version and fetched again after a
 * runtime upgrade; storage reads and runtime-API calls at a block, encoded and decoded by the types
 * that metadata names. Depends on {@code rpc}, {@code metadata}, {@code storage} and {@code value}.
 */
package io.aurelius.core.chain.substrate.runtime;
