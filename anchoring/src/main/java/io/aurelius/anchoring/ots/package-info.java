/**
 * OpenTimestamps: the {@code .ots} detached-timestamp format read and written byte for byte
 * (python-opentimestamps 0.4.2 semantics: limits, sorted order, unknown attestations kept), replay
 * of the operation chain, attestation checks against a {@link
 * io.aurelius.anchoring.ots.BlockHeaderSource} (a bitcoind JSON-RPC client is provided), and a
 * calendar client that submits digests and upgrades pending stamps. Depends on node-core's hash and
 * crypto packages and the JDK HTTP client; knows nothing of logs or checkpoints.
 */
package io.aurelius.anchoring.ots;
