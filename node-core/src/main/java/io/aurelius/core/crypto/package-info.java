/**
 * Ed25519 keys and signatures with the node's one strict verification rule, and the other
 * primitives that need BouncyCastle. This is the only package that imports BouncyCastle;
 * everything else speaks in {@link io.aurelius.core.crypto.Ed25519PublicKey} and friends.
 */
package io.aurelius.core.crypto;
