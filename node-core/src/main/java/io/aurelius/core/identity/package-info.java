/**
 * Node identities: the coldkey (owner key, encrypted at rest under a passphrase) and the hotkey
 * (operating key, mode 0600), their files in {@code <home>/keys} ({@link
 * io.aurelius.core.identity.KeyStore}), the printable {@link io.aurelius.core.identity.KeyId} that
 * names a key on the wire and in every log, and the OpenSSH form of a public key. Depends on {@code
 * core.crypto}, {@code core.json} and {@code core.hash}; never on BouncyCastle directly. Anything
 * that needs the node's keys may depend on it.
 */
package io.aurelius.core.identity;
