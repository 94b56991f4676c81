/**
 * Extrinsics: the signed requests that change the chain's state (register, serve an endpoint, set,
 * commit or reveal weights, stake, transfer), their strict JSON form and the commit-reveal v2
 * weight hash. Used by the dev chain to check what it receives and by clients to build what they
 * send. Depends on node-core's crypto, identity and json packages and the chain API.
 */
package io.aurelius.core.chain.extrinsic;
