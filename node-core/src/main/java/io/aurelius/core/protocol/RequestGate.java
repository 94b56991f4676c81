package io.aurelius.core.protocol;

import static io.aurelius.core.protocol.ProtocolStatus.FORBIDDEN;
import static io.aurelius.core.protocol.ProtocolStatus.PAYLOAD_TOO_LARGE;
import static io.aurelius.core.protocol.ProtocolStatus.TOO_MANY_REQUESTS;
import static java.util.Objects.requireNonNull;

import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.protocol.btauth.BtAuthException;
import io.aurelius.core.protocol.btauth.BtAuthHeaders;
import io.aurelius.core.protocol.btauth.BtAuthReason;
import io.aurelius.core.protocol.btauth.BtAuthResult;
import io.aurelius.core.protocol.btauth.BtAuthVerifier;
import io.aurelius.core.protocol.btauth.ReplayStore;
import java.time.Duration;
import java.util.Optional;

/**
 * The btauth/1 checks of a signed request, in two parts. On its headers alone, before its body is
 * read (the route was found by the caller; 404 comes first):
 *
 * <ol>
 *   <li>401 MalformedAuth: a {@code X-Bittensor-*} header is missing, repeated or malformed;
 *   <li>403: the sender is not registered on the subnet, or banned (the {@link PeerDirectory}
 *       answers, and gives the registered sender's scheme and stake);
 *   <li>401: the scheme header contradicts the scheme the chain registered the sender's key under
 *       (BadSignature), the receiver is not this node (WrongReceiver), or the nonce is outside the
 *       freshness window (StaleRequest);
 *   <li>413: the declared body length is over the route's limit.
 * </ol>
 *
 * Then, once the body is in and on a worker thread ({@link #authenticate}): the signature over the
 * received method, target and body under the pinned scheme only (401 BadSignature), the replay
 * store, written only after the signature verifies (401 ReplayedRequest, 503 when full), and the
 * sender's token bucket (429). A refused request changes nothing, except that a request refused
 * after its signature verified (429) has used up its nonce, as a replay of it would.
 */
public final class RequestGate {
  private final PeerDirectory directory;
  private final BtAuthVerifier verifier;
  private final HotkeyRateLimiter limiter;

  /**
   * @param self this node's hotkey, the receiver requests must name
   * @param replays remembers accepted (hotkey, nonce) pairs for at least {@code maxAge}
   * @param maxAge how old a request's nonce may be (the spec's default is 10 s)
   * @param allowedSkew how far ahead of this node's clock a nonce may be (default 2 s)
   */
  public RequestGate(
      KeyId self,
      PeerDirectory directory,
      ReplayStore replays,
      ProtocolClock clock,
      Duration maxAge,
      Duration allowedSkew,
      HotkeyRateLimiter limiter) {
    requireNonNull(self, "self");
    this.directory = requireNonNull(directory, "directory");
    this.limiter = requireNonNull(limiter, "limiter");
    this.verifier =
        new BtAuthVerifier(
            self.address(),
            sender -> Optional.empty(), // the gate looks the scheme up itself
            replays,
            requireNonNull(clock, "clock"),
            maxAge,
            allowedSkew,
            true);
  }

  /**
   * @param declaredLength the Content-Length, or -1 if the body is chunked (the transport then
   *     enforces {@code maxBodyBytes} while reading)
   */
  public GateDecision admit(HeaderLookup headers, long declaredLength, long maxBodyBytes) {
    requireNonNull(headers, "headers");
    BtAuthHeaders parsed;
    try {
      parsed = BtAuthHeaders.parse(headers);
    } catch (BtAuthException e) {
      return refused(e.refusal());
    }
    KeyId sender;
    try {
      sender = ProtocolHeaders.parseKeyId(BtAuthHeaders.HOTKEY, parsed.hotkey());
    } catch (RefusalException e) {
      return new GateDecision.Refused(e.refusal());
    }
    PeerStanding standing = directory.standing(sender);
    if (standing instanceof PeerStanding.Banned banned) {
      return refuse(FORBIDDEN, "Banned", "sender " + sender + " is banned: " + banned.reason());
    }
    long stake;
    KeyScheme scheme;
    if (standing instanceof PeerStanding.Registered registered) {
      stake = registered.stake();
      scheme = registered.scheme();
    } else if (standing instanceof PeerStanding.Anyone) {
      stake = 0;
      try {
        scheme = KeyScheme.fromWireName(parsed.crypto() == null ? "sr25519" : parsed.crypto());
      } catch (IllegalArgumentException e) {
        return refused(
            new BtAuthResult.Refused(
                BtAuthReason.BAD_SIGNATURE,
                BtAuthHeaders.CRYPTO + " names a scheme this server does not verify"));
      }
    } else {
      return refuse(
          FORBIDDEN, "NotRegistered", "sender " + sender + " is not registered on this subnet");
    }
    BtAuthVerifier.HeadCheck head = verifier.checkHead(parsed, scheme);
    if (head instanceof BtAuthVerifier.HeadCheck.Refused refused) {
      return refused(refused.refusal());
    }
    if (declaredLength > maxBodyBytes) {
      return refuse(
          PAYLOAD_TOO_LARGE,
          "BodyTooLarge",
          "body: " + declaredLength + " bytes (expected: at most " + maxBodyBytes + ")");
    }
    return new GateDecision.Admitted(sender, (BtAuthVerifier.HeadCheck.Pending) head, stake);
  }

  /**
   * The checks that need the body: signature, replay, then the sender's rate limit. Empty when the
   * request is authentic and may run.
   *
   * @param method the received method
   * @param target the received request target, exactly as it came (percent-encoded, with query)
   * @param body the received body bytes
   */
  public Optional<Refusal> authenticate(
      GateDecision.Admitted admitted, String method, String target, byte[] body) {
    requireNonNull(admitted, "admitted");
    BtAuthResult result = verifier.checkBody(admitted.head(), method, target, body);
    if (result instanceof BtAuthResult.Refused refused) {
      return Optional.of(refusal(refused));
    }
    if (!limiter.tryAcquire(admitted.sender())) {
      return Optional.of(
          Refusal.of(
              TOO_MANY_REQUESTS,
              "RateLimited",
              "sender "
                  + admitted.sender()
                  + " is over its rate limit (retry in "
                  + Math.max(1, limiter.secondsUntilToken(admitted.sender()))
                  + " s)"));
    }
    return Optional.empty();
  }

  /** A btauth/1 refusal, its status and a message that starts with the spec's error name. */
  public static Refusal refusal(BtAuthResult.Refused refused) {
    String name = refused.reason().wireName();
    return Refusal.of(refused.status(), name, name + ": " + refused.message());
  }

  private static GateDecision refused(BtAuthResult.Refused refused) {
    return new GateDecision.Refused(refusal(refused));
  }

  private static GateDecision refuse(ProtocolStatus status, String reason, String message) {
    return new GateDecision.Refused(Refusal.of(status, reason, message));
  }
}
