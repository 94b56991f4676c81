/**
 * btauth/1, Bittensor 11's hotkey-signed HTTP: the node's wire ({@link
 * io.aurelius.core.protocol.RequestGate} and {@link io.aurelius.core.protocol.ProtocolIdentity} use
 * it).
 *
 * <p>A request carries six {@code X-Bittensor-*} headers ({@link BtAuthHeaders}); the signature is
 * over eight newline-joined lines ({@link BtAuthPayload}). {@link BtAuthSigner} makes the headers
 * for a client, with a fresh nonce for every attempt ({@link NonceSource}); {@link BtAuthVerifier}
 * checks a received request in the spec's order (shape, receiver, freshness, signature, replay),
 * whole or in two parts ({@link BtAuthVerifier#checkHead}, {@link BtAuthVerifier#checkBody}), under
 * the scheme the server pins for the sender ({@link SchemePins}), never the scheme the header
 * claims, and writes the {@link ReplayStore} only after the signature holds. The answer is a {@link
 * BtAuthResult}: accepted, or refused with one of the spec's error names and its HTTP status.
 *
 * <p>Normative source: RaoFoundation/subtensor {@code docs/guides/signed-requests.mdx}; reference
 * implementation {@code bittensor/http_auth.py} (PyPI {@code bittensor} 11.3.0). Depends on {@code
 * core.crypto}, {@code core.identity} and {@code core.protocol} (clock, headers, statuses).
 */
package io.aurelius.core.protocol.btauth;
