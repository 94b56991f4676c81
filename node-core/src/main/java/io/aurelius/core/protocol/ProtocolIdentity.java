package io.aurelius.core.protocol;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.crypto.Signer;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.protocol.btauth.BtAuthHeaders;
import io.aurelius.core.protocol.btauth.BtAuthSigner;
import io.aurelius.core.protocol.btauth.NonceSource;
import java.util.Map;

/**
 * A node's hotkey as the protocol uses it: signs outgoing requests and its responses with btauth/1
 * ({@link BtAuthSigner}), each with a fresh nonce that never repeats, even within one clock tick.
 */
public final class ProtocolIdentity {
  /** Every signed route is {@code POST}. */
  public static final String METHOD = "POST";

  private final Signer key;
  private final KeyId hotkey;
  private final ProtocolClock clock;
  private final BtAuthSigner signer;

  public ProtocolIdentity(Signer key, ProtocolClock clock) {
    this.key = requireNonNull(key, "key");
    this.hotkey = KeyId.of(key.publicKey());
    this.clock = requireNonNull(clock, "clock");
    this.signer = new BtAuthSigner(key, new NonceSource(clock));
  }

  public static ProtocolIdentity of(Signer key) {
    return new ProtocolIdentity(key, ProtocolClock.SYSTEM);
  }

  public KeyId hotkey() {
    return hotkey;
  }

  public KeyScheme scheme() {
    return key.scheme();
  }

  public ProtocolClock clock() {
    return clock;
  }

  /**
   * Signs one attempt of a request to {@code receiver}: the btauth/1 headers over {@code POST},
   * {@code target} as it will be sent and the exact body bytes.
   */
  public BtAuthHeaders signRequest(KeyId receiver, String target, byte[] body) {
    requireNonNull(receiver, "receiver");
    return signer.sign(METHOD, target, body, receiver.address());
  }

  /**
   * Signs a response as SN37 does: the same payload shape as a request ({@code POST}, the request's
   * target, the response body), sent by this node and received by the authenticated client.
   */
  public Map<String, String> signResponse(ResponseBinding binding, byte[] body) {
    requireNonNull(binding, "binding");
    requireNonNull(body, "body");
    return signer.sign(METHOD, binding.target(), body, binding.client().address()).asMap();
  }

  @Override
  public String toString() {
    return "ProtocolIdentity[" + hotkey + "]";
  }
}
