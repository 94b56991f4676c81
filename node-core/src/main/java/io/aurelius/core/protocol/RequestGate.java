package io.aurelius.core.protocol;

import static io.aurelius.core.protocol.ProtocolStatus.FORBIDDEN;
import static io.aurelius.core.protocol.ProtocolStatus.PAYLOAD_TOO_LARGE;
import static io.aurelius.core.protocol.ProtocolStatus.TOO_MANY_REQUESTS;
import static io.aurelius.core.protocol.ProtocolStatus.UNAUTHORIZED;
import static java.util.Objects.requireNonNull;

import io.aurelius.core.hash.ContentId;
import io.aurelius.core.identity.KeyId;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The checks a request passes on its headers alone, before its body is read, in the protocol's
 * fixed order (the route was found by the caller; 404 comes first):
 *
 * <ol>
 *   <li>400: a protocol header is malformed or repeated;
 *   <li>401: no sender named (unsigned);
 *   <li>403: the sender is not registered, or banned;
 *   <li>401: a signature header is missing, the receiver is not this node, the nonce is outside the
 *       window (checked before the signature, so a stale request costs no Ed25519 verification, and
 *       remembered only after it), or the signature is bad;
 *   <li>413: the declared body length is over the route's limit;
 *   <li>429: the sender's token bucket is empty, or it holds too many live sessions.
 * </ol>
 *
 * A refused request changes nothing except that a refusal after the nonce was remembered (413, 429)
 * still uses up that nonce, as a replay of it would.
 */
public final class RequestGate {
  private final KeyId self;
  private final PeerDirectory directory;
  private final NonceWindow nonces;
  private final HotkeyRateLimiter limiter;

  public RequestGate(
      KeyId self, PeerDirectory directory, NonceWindow nonces, HotkeyRateLimiter limiter) {
    this.self = requireNonNull(self, "self");
    this.directory = requireNonNull(directory, "directory");
    this.nonces = requireNonNull(nonces, "nonces");
    this.limiter = requireNonNull(limiter, "limiter");
  }

  /**
   * @param declaredLength the Content-Length, or -1 if the body is chunked (the transport then
   *     enforces {@code maxBodyBytes} while reading)
   */
  public GateDecision admit(HeaderLookup headers, long declaredLength, long maxBodyBytes) {
    requireNonNull(headers, "headers");
    Parsed p;
    try {
      p = Parsed.from(headers);
    } catch (RefusalException e) {
      return new GateDecision.Refused(e.refusal(), Optional.empty());
    }
    Optional<ResponseBinding> binding = p.binding();
    if (p.sender == null) {
      return refuse(
          UNAUTHORIZED,
          "unsigned request: header "
              + ProtocolHeaders.SENDER
              + " is missing (expected: the sender's SS58 hotkey)",
          binding);
    }
    PeerStanding standing = directory.standing(p.sender);
    long stake;
    if (standing instanceof PeerStanding.Registered registered) {
      stake = registered.stake();
    } else if (standing instanceof PeerStanding.Banned banned) {
      return refuse(FORBIDDEN, "sender " + p.sender + " is banned: " + banned.reason(), binding);
    } else {
      return refuse(FORBIDDEN, "sender " + p.sender + " is not registered on this subnet", binding);
    }
    String missing = p.firstMissing();
    if (missing != null) {
      return refuse(UNAUTHORIZED, "unsigned request: header " + missing + " is missing", binding);
    }
    if (!p.receiver.equals(self)) {
      return refuse(
          UNAUTHORIZED, "receiver " + p.receiver + " is not this node (" + self + ")", binding);
    }
    NonceVerdict early = nonces.peek(p.sender, p.uuid, p.nonce);
    if (early != NonceVerdict.ACCEPTED) {
      return refuseNonce(early, p, binding);
    }
    RequestEnvelope envelope =
        new RequestEnvelope(p.sender, p.receiver, p.nonce, p.uuid, p.bodyHash);
    if (!envelope.verify(p.signature)) {
      return refuse(
          UNAUTHORIZED,
          "bad signature: not "
              + p.sender
              + "'s Ed25519 signature over nonce.sender.receiver.uuid.bodyhash",
          binding);
    }
    NonceVerdict verdict = nonces.accept(p.sender, p.uuid, p.nonce);
    if (verdict != NonceVerdict.ACCEPTED) {
      return refuseNonce(verdict, p, binding);
    }
    if (declaredLength > maxBodyBytes) {
      return refuse(
          PAYLOAD_TOO_LARGE,
          "body: " + declaredLength + " bytes (expected: at most " + maxBodyBytes + ")",
          binding);
    }
    if (!limiter.tryAcquire(p.sender)) {
      return refuse(
          TOO_MANY_REQUESTS,
          "sender "
              + p.sender
              + " is over its rate limit (retry in "
              + Math.max(1, limiter.secondsUntilToken(p.sender))
              + " s)",
          binding);
    }
    return new GateDecision.Admitted(envelope, stake);
  }

  private GateDecision refuseNonce(
      NonceVerdict verdict, Parsed p, Optional<ResponseBinding> binding) {
    return switch (verdict) {
      case STALE ->
          refuse(
              UNAUTHORIZED,
              "nonce "
                  + p.nonce
                  + " is older than the allowed delta ("
                  + nonces.allowedDelta().toMillis()
                  + " ms)",
              binding);
      case FUTURE ->
          refuse(
              UNAUTHORIZED,
              "nonce " + p.nonce + " is too far in the future (expected: wall-clock nanoseconds)",
              binding);
      case REPLAYED ->
          refuse(
              UNAUTHORIZED,
              "nonce "
                  + p.nonce
                  + " is not newer than the last one seen for this sender and uuid (replay)",
              binding);
      case TOO_MANY_SESSIONS ->
          refuse(
              TOO_MANY_REQUESTS,
              "sender " + p.sender + " has too many live sessions (uuids)",
              binding);
      case ACCEPTED -> throw new IllegalStateException("accepted nonce refused");
    };
  }

  private static GateDecision refuse(
      ProtocolStatus status, String message, Optional<ResponseBinding> binding) {
    return new GateDecision.Refused(Refusal.of(status, message), binding);
  }

  /** The protocol headers, each parsed if present. */
  private static final class Parsed {
    KeyId sender;
    KeyId receiver;
    Long nonceValue;
    long nonce;
    String uuid;
    ContentId bodyHash;
    byte[] signature;

    static Parsed from(HeaderLookup headers) {
      Parsed p = new Parsed();
      p.sender =
          single(
              headers,
              ProtocolHeaders.SENDER,
              v -> ProtocolHeaders.parseKeyId(ProtocolHeaders.SENDER, v));
      p.receiver =
          single(
              headers,
              ProtocolHeaders.RECEIVER,
              v -> ProtocolHeaders.parseKeyId(ProtocolHeaders.RECEIVER, v));
      p.nonceValue = single(headers, ProtocolHeaders.NONCE, ProtocolHeaders::parseNonce);
      p.nonce = p.nonceValue == null ? 0 : p.nonceValue;
      p.uuid = single(headers, ProtocolHeaders.UUID, ProtocolHeaders::parseUuid);
      p.bodyHash = single(headers, ProtocolHeaders.BODY_SHA256, ProtocolHeaders::parseBodyHash);
      p.signature = single(headers, ProtocolHeaders.SIGNATURE, ProtocolHeaders::parseSignature);
      return p;
    }

    Optional<ResponseBinding> binding() {
      if (sender == null || nonceValue == null || uuid == null) {
        return Optional.empty();
      }
      return Optional.of(new ResponseBinding(sender, nonce, uuid));
    }

    String firstMissing() {
      if (receiver == null) {
        return ProtocolHeaders.RECEIVER;
      }
      if (nonceValue == null) {
        return ProtocolHeaders.NONCE;
      }
      if (uuid == null) {
        return ProtocolHeaders.UUID;
      }
      if (bodyHash == null) {
        return ProtocolHeaders.BODY_SHA256;
      }
      if (signature == null) {
        return ProtocolHeaders.SIGNATURE;
      }
      return null;
    }

    private static <T> T single(HeaderLookup headers, String name, Function<String, T> parse) {
      List<String> values = headers.all(name);
      if (values == null || values.isEmpty()) {
        return null;
      }
      if (values.size() > 1) {
        throw new RefusalException(
            Refusal.of(
                ProtocolStatus.BAD_REQUEST,
                "header " + name + " appears " + values.size() + " times (expected: once)"));
      }
      return parse.apply(values.get(0).trim());
    }
  }
}
