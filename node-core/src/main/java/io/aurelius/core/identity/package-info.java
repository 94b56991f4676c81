/**
 * Node identities: the coldkey (owner key, encrypted at rest) and the hotkey (operating key),
 * their files, and the printable {@link io.aurelius.core.identity.KeyId} that names a key on
 * the wire and in every log. Depends on {@code core.crypto}; never on BouncyCastle directly.
 */
package io.aurelius.core.identity;
