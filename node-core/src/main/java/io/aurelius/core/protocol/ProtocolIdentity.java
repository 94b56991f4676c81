package io.aurelius.core.protocol;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.crypto.Signer;
import io.aurelius.core.hash.ContentId;
import io.aurelius.core.identity.KeyId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A node's hotkey as the protocol uses it: signs outgoing requests (with nonces that never repeat,
 * even within one clock tick) and signs responses.
 */
public final class ProtocolIdentity {
  private final Signer key;
  private final KeyId hotkey;
  private final ProtocolClock clock;
  private final AtomicLong lastNonce = new AtomicLong();

  public ProtocolIdentity(Signer key, ProtocolClock clock) {
    this.key = requireNonNull(key, "key");
    this.hotkey = KeyId.of(key.publicKey());
    this.clock = requireNonNull(clock, "clock");
  }

  public static ProtocolIdentity of(Signer key) {
    return new ProtocolIdentity(key, ProtocolClock.SYSTEM);
  }

  public KeyId hotkey() {
    return hotkey;
  }

  /** Wall-clock nanoseconds, strictly increasing across calls on this identity. */
  public long nextNonce() {
    long now = clock.wallNanos();
    return lastNonce.accumulateAndGet(now, (last, t) -> Math.max(last + 1, t));
  }

  /** Signs a request to {@code receiver}: the six protocol headers, in order. */
  public Map<String, String> signRequest(KeyId receiver, String uuid, byte[] body) {
    requireNonNull(receiver, "receiver");
    requireNonNull(body, "body");
    RequestEnvelope envelope =
        new RequestEnvelope(hotkey, receiver, nextNonce(), uuid, ContentId.of(body));
    return headers(
        envelope.sender(),
        envelope.receiver(),
        envelope.nonce(),
        envelope.uuid(),
        envelope.bodyHash(),
        envelope.sign(key));
  }

  /** Signs a response answering {@code binding} with {@code status} and {@code body}. */
  public Map<String, String> signResponse(int status, ResponseBinding binding, byte[] body) {
    requireNonNull(binding, "binding");
    requireNonNull(body, "body");
    ResponseEnvelope envelope =
        new ResponseEnvelope(
            status, hotkey, binding.client(), binding.nonce(), binding.uuid(), ContentId.of(body));
    return headers(
        hotkey,
        binding.client(),
        binding.nonce(),
        binding.uuid(),
        envelope.bodyHash(),
        envelope.sign(key));
  }

  private static Map<String, String> headers(
      KeyId sender, KeyId receiver, long nonce, String uuid, ContentId bodyHash, byte[] signature) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(ProtocolHeaders.SENDER, sender.address());
    headers.put(ProtocolHeaders.RECEIVER, receiver.address());
    headers.put(ProtocolHeaders.NONCE, Long.toString(nonce));
    headers.put(ProtocolHeaders.UUID, uuid);
    headers.put(ProtocolHeaders.BODY_SHA256, bodyHash.hex());
    headers.put(ProtocolHeaders.SIGNATURE, ProtocolHeaders.formatSignature(signature));
    return headers;
  }

  @Override
  public String toString() {
    return "ProtocolIdentity[" + hotkey + "]";
  }
}
