/**
 * Storage keys: twox (xxHash64) and BLAKE2b hashers, and {@link
 * io.aurelius.core.chain.substrate.storage.StorageKey#of} building a key from the metadata's pallet
 * prefix, entry name, hashers and key types. Depends on the {@code scale}, {@code metadata} and
 * {@code value} packages and on node-core's crypto package for BLAKE2b.
 */
package io.aurelius.core.chain.substrate.storage;
