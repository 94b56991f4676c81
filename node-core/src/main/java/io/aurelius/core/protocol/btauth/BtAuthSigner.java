package io.aurelius.core.protocol.btauth;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.crypto.Signer;
import io.aurelius.core.identity.wallet.AccountId;

/**
 * Signs requests as a client (the SDK's {@code http_auth.sign}): the scheme is the signer's, the
 * sender address is the signer's public key in ss58, and every call takes a fresh nonce from the
 * {@link NonceSource}, so a retry of the same body is a new signature.
 */
public final class BtAuthSigner {
  private final Signer signer;
  private final String sender;
  private final NonceSource nonces;

  public BtAuthSigner(Signer signer, NonceSource nonces) {
    this.signer = requireNonNull(signer, "signer");
    this.nonces = requireNonNull(nonces, "nonces");
    this.sender = AccountId.of(signer.publicKey().bytes()).ss58Address();
  }

  /** The sender's ss58 address, as {@code X-Bittensor-Hotkey} carries it. */
  public String sender() {
    return sender;
  }

  /**
   * The headers for one attempt of a request.
   *
   * @param method the HTTP method (uppercased)
   * @param target the request target exactly as it will be sent: percent-encoded path plus {@code
   *     ?query}
   * @param body the exact body bytes that will be sent (empty for none)
   * @param receiver the receiver's ss58 address; {@code null} signs an unbound request, which
   *     servers refuse by default
   */
  public BtAuthHeaders sign(String method, String target, byte[] body, String receiver) {
    if (receiver != null) {
      AccountId.fromSs58(receiver); // an IllegalArgumentException names a mistyped address
    }
    BtAuthPayload payload =
        BtAuthPayload.of(signer.scheme(), method, target, body, nonces.next(), sender, receiver);
    return BtAuthHeaders.forPayload(payload, signer.sign(payload.bytes()));
  }
}
