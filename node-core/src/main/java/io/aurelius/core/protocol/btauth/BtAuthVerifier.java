package io.aurelius.core.protocol.btauth;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.identity.wallet.AccountId;
import io.aurelius.core.protocol.HeaderLookup;
import io.aurelius.core.protocol.ProtocolClock;
import io.aurelius.core.protocol.btauth.BtAuthResult.Accepted;
import io.aurelius.core.protocol.btauth.BtAuthResult.Refused;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Checks a received btauth/1 request (the SDK's {@code http_auth.verify}) in the spec's order, each
 * step before any costlier one:
 *
 * <ol>
 *   <li><b>Shape</b> ({@link BtAuthReason#MALFORMED_AUTH}): {@link BtAuthHeaders#parse}; then the
 *       sender's pinned scheme ({@link BtAuthReason#UNKNOWN_SENDER} if none); a {@code
 *       X-Bittensor-Crypto} that names another scheme is {@link BtAuthReason#BAD_SIGNATURE}, and a
 *       signature of the wrong length for the pinned scheme {@link BtAuthReason#MALFORMED_AUTH}.
 *   <li><b>Receiver</b> ({@link BtAuthReason#WRONG_RECEIVER}): equals this server's address; an
 *       unbound request only if {@code requireReceiver} is off.
 *   <li><b>Freshness</b> ({@link BtAuthReason#STALE_REQUEST}): {@code now − nonce ≤ maxAge} and
 *       {@code nonce − now ≤ allowedSkew}.
 *   <li><b>Signature</b> ({@link BtAuthReason#BAD_SIGNATURE}): over the payload rebuilt from the
 *       received method, target and body (hash recomputed), under the pinned scheme only.
 *   <li><b>Replay</b> ({@link BtAuthReason#REPLAYED_REQUEST}): the (hotkey, nonce) pair is recorded
 *       only now, after the signature holds.
 * </ol>
 *
 * Thread-safe if its {@link SchemePins} and {@link ReplayStore} are.
 */
public final class BtAuthVerifier {
  /** The spec's defaults. */
  public static final Duration DEFAULT_MAX_AGE = Duration.ofSeconds(10);

  public static final Duration DEFAULT_ALLOWED_SKEW = Duration.ofSeconds(2);

  /** The in-process replay store's default size. */
  public static final int DEFAULT_REPLAY_CAPACITY = 100_000;

  private final String self;
  private final SchemePins pins;
  private final ReplayStore replays;
  private final ProtocolClock clock;
  private final long maxAgeNanos;
  private final long allowedSkewNanos;
  private final boolean requireReceiver;

  /**
   * @param self this server's ss58 address, the receiver requests must name
   * @param replays the replay store; it must remember pairs for at least {@code maxAge}
   */
  public BtAuthVerifier(
      String self,
      SchemePins pins,
      ReplayStore replays,
      ProtocolClock clock,
      Duration maxAge,
      Duration allowedSkew,
      boolean requireReceiver) {
    this.self = AccountId.fromSs58(requireNonNull(self, "self")).ss58Address();
    this.pins = requireNonNull(pins, "pins");
    this.replays = requireNonNull(replays, "replays");
    this.clock = requireNonNull(clock, "clock");
    this.maxAgeNanos = nonNegative(maxAge, "maxAge").toNanos();
    this.allowedSkewNanos = nonNegative(allowedSkew, "allowedSkew").toNanos();
    if (replays instanceof BoundedReplayStore bounded
        && bounded.retention().toNanos() < maxAgeNanos) {
      throw new IllegalArgumentException(
          "replay store retention "
              + bounded.retention()
              + " is shorter than maxAge "
              + maxAge
              + " (expected: at least maxAge, or replays inside the gap would pass)");
    }
    this.requireReceiver = requireReceiver;
  }

  /** The spec's defaults: 10 s back, 2 s ahead, receiver required, an in-process replay store. */
  public static BtAuthVerifier withDefaults(String self, SchemePins pins, ProtocolClock clock) {
    return new BtAuthVerifier(
        self,
        pins,
        new BoundedReplayStore(DEFAULT_MAX_AGE.plus(DEFAULT_ALLOWED_SKEW), DEFAULT_REPLAY_CAPACITY),
        clock,
        DEFAULT_MAX_AGE,
        DEFAULT_ALLOWED_SKEW,
        true);
  }

  /**
   * Verifies a request.
   *
   * @param method the received HTTP method
   * @param target the received request target in its wire (percent-encoded) form, with {@code
   *     ?query} when there is one; never the decoded path
   * @param body the raw received body bytes, before any parsing
   */
  public BtAuthResult verify(HeaderLookup headers, String method, String target, byte[] body) {
    requireNonNull(method, "method");
    requireNonNull(target, "target");
    requireNonNull(body, "body");
    BtAuthHeaders parsed;
    try {
      parsed = BtAuthHeaders.parse(headers);
    } catch (BtAuthException e) {
      return e.refusal();
    }
    HeadCheck head = checkHead(parsed);
    if (head instanceof HeadCheck.Refused refused) {
      return refused.refusal();
    }
    return checkBody((HeadCheck.Pending) head, method, target, body);
  }

  /**
   * The checks a request passes on its headers alone (steps 1 to 3), so that a server can refuse it
   * before reading its body: the pinned scheme, the receiver and freshness.
   */
  public HeadCheck checkHead(BtAuthHeaders parsed) {
    requireNonNull(parsed, "parsed");
    Optional<KeyScheme> pinned = pins.schemeOf(parsed.hotkey());
    if (pinned.isEmpty()) {
      return head(BtAuthReason.UNKNOWN_SENDER, "no trusted scheme is known for this hotkey");
    }
    return checkHead(parsed, pinned.get());
  }

  /**
   * As {@link #checkHead(BtAuthHeaders)}, with the sender's scheme already looked up by the caller
   * (a server whose directory knows more of a sender than its scheme).
   */
  public HeadCheck checkHead(BtAuthHeaders parsed, KeyScheme scheme) {
    requireNonNull(parsed, "parsed");
    requireNonNull(scheme, "scheme");
    String claimed = parsed.crypto() == null ? KeyScheme.SR25519.wireName() : parsed.crypto();
    if (!claimed.equals(scheme.wireName())) {
      return head(
          BtAuthReason.BAD_SIGNATURE,
          BtAuthHeaders.CRYPTO + " does not match the trusted sender scheme");
    }
    byte[] signature = parsed.signature();
    if (signature.length != scheme.signatureLength()) {
      return head(
          BtAuthReason.MALFORMED_AUTH,
          BtAuthHeaders.SIGNATURE
              + " is "
              + signature.length
              + " bytes (expected: "
              + scheme.signatureLength()
              + " for "
              + scheme.wireName()
              + ")");
    }
    // 2. Receiver.
    String receiver = parsed.receiver();
    if (receiver == null) {
      if (requireReceiver) {
        return head(
            BtAuthReason.WRONG_RECEIVER,
            "missing " + BtAuthHeaders.RECEIVER + ": this server requires receiver-bound requests");
      }
    } else if (!receiver.equals(self)) {
      return head(
          BtAuthReason.WRONG_RECEIVER, "request was signed for a different receiving hotkey");
    }
    // 3. Freshness. No overflow: the nonce is 0..2^63-1 (parsed digits) and now is positive.
    long now = clock.wallNanos();
    long age = now - parsed.nonce();
    if (age > maxAgeNanos) {
      return head(
          BtAuthReason.STALE_REQUEST,
          "nonce is older than the " + seconds(maxAgeNanos) + "s freshness window");
    }
    if (-age > allowedSkewNanos) {
      return head(
          BtAuthReason.STALE_REQUEST,
          "nonce is more than " + seconds(allowedSkewNanos) + "s in the future");
    }
    return new HeadCheck.Pending(parsed, scheme);
  }

  /**
   * The checks that need the body (steps 4 and 5): the signature over what was received, under the
   * pinned scheme only, and then the replay store.
   */
  public BtAuthResult checkBody(HeadCheck.Pending head, String method, String target, byte[] body) {
    requireNonNull(head, "head");
    requireNonNull(method, "method");
    requireNonNull(target, "target");
    requireNonNull(body, "body");
    BtAuthHeaders parsed = head.headers();
    KeyScheme scheme = head.scheme();
    BtAuthPayload payload;
    try {
      payload =
          BtAuthPayload.of(
              scheme, method, target, body, parsed.nonce(), parsed.hotkey(), parsed.receiver());
    } catch (IllegalArgumentException e) {
      return refuse(BtAuthReason.MALFORMED_AUTH, "request method or target: " + e.getMessage());
    }
    byte[] key = AccountId.fromSs58(parsed.hotkey()).bytes();
    if (!scheme.verifier().verify(key, payload.bytes(), parsed.signature())) {
      return refuse(
          BtAuthReason.BAD_SIGNATURE, "signature does not verify against the claimed hotkey");
    }
    // 5. Replay, recorded only now.
    return switch (replays.record(parsed.hotkey(), parsed.nonce(), clock.wallNanos())) {
      case RECORDED -> new Accepted(parsed.hotkey(), scheme, parsed.nonce());
      case REPLAYED ->
          refuse(BtAuthReason.REPLAYED_REQUEST, "this nonce was already accepted from this hotkey");
      case FULL -> refuse(BtAuthReason.REPLAY_STORE_FULL, "too many recent requests; retry later");
    };
  }

  /** What the header checks say: refused, or pending the body checks. */
  public sealed interface HeadCheck {
    /** Refused on the headers. */
    record Refused(BtAuthResult.Refused refusal) implements HeadCheck {
      public Refused {
        requireNonNull(refusal, "refusal");
      }
    }

    /** The headers pass; {@code scheme} is the sender's pinned scheme. */
    record Pending(BtAuthHeaders headers, KeyScheme scheme) implements HeadCheck {
      public Pending {
        requireNonNull(headers, "headers");
        requireNonNull(scheme, "scheme");
      }
    }
  }

  private static HeadCheck head(BtAuthReason reason, String message) {
    return new HeadCheck.Refused(refuse(reason, message));
  }

  /**
   * Verifies a request, then applies the server's admission policy: an authentic caller that {@code
   * welcome} rejects is refused with {@link BtAuthReason#UNWELCOME} (403).
   */
  public BtAuthResult verify(
      HeaderLookup headers,
      String method,
      String target,
      byte[] body,
      Predicate<? super Accepted> welcome) {
    requireNonNull(welcome, "welcome");
    BtAuthResult result = verify(headers, method, target, body);
    if (result instanceof Accepted accepted && !welcome.test(accepted)) {
      return refuse(BtAuthReason.UNWELCOME, "this hotkey may not call this server");
    }
    return result;
  }

  private static Refused refuse(BtAuthReason reason, String message) {
    return new Refused(reason, message);
  }

  private static String seconds(long nanos) {
    return nanos % 1_000_000_000L == 0
        ? Long.toString(nanos / 1_000_000_000L)
        : Double.toString(nanos / 1e9);
  }

  private static Duration nonNegative(Duration d, String name) {
    requireNonNull(d, name);
    if (d.isNegative()) {
      throw new IllegalArgumentException(name + ": " + d + " (expected: zero or more)");
    }
    return d;
  }
}
