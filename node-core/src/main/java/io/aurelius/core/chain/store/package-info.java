/**
 * Persistence of the dev chain: blocks, signed by the chain authority, stored as one git commit
 * each in a bare repository (JGit), and their canonical JSON. The only package of the chain that
 * imports JGit. Used by {@code io.aurelius.core.chain.dev}; depends on the extrinsic codec and
 * node-core's json, crypto and identity packages.
 */
package io.aurelius.core.chain.store;
