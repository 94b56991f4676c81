package io.aurelius.core.protocol;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.identity.wallet.AccountId;
import io.aurelius.core.protocol.btauth.BtAuthException;
import io.aurelius.core.protocol.btauth.BtAuthHeaders;
import io.aurelius.core.protocol.btauth.BtAuthPayload;
import java.time.Duration;
import java.util.List;

/**
 * The client's check of a btauth/1-signed response: signed by the server it asked (under the scheme
 * the chain registered that server's key under, never the one the response claims), for this
 * client, over this request's target and exactly this body, and made no earlier than the request
 * (so an older response cannot be replayed as the answer to a newer request) and no later than the
 * client's clock allows.
 */
public final class ResponseCheck {
  /** The outcome: signed and valid, not signed at all, or signed but wrong (with why). */
  public sealed interface Result {
    record Valid() implements Result {}

    record Unsigned() implements Result {}

    record Invalid(String reason) implements Result {}
  }

  /** What the client expects of the answer to one request. */
  public record Expected(
      String server, KeyScheme serverScheme, String client, String target, long requestNonce) {
    public Expected {
      requireNonNull(server, "server");
      requireNonNull(serverScheme, "serverScheme");
      requireNonNull(client, "client");
      requireNonNull(target, "target");
    }
  }

  /** How far apart the two clocks may be: btauth/1's default future bound. */
  public static final Duration DEFAULT_ALLOWED_SKEW = Duration.ofSeconds(2);

  private ResponseCheck() {}

  /**
   * @param allowedSkew how far the server's clock may run ahead of the client's, and behind it at
   *     the time of the request
   */
  public static Result check(
      Expected expected,
      HeaderLookup headers,
      byte[] body,
      ProtocolClock clock,
      Duration allowedSkew) {
    requireNonNull(expected, "expected");
    requireNonNull(headers, "headers");
    requireNonNull(body, "body");
    List<String> signature = headers.all(BtAuthHeaders.SIGNATURE);
    if (signature == null || signature.isEmpty()) {
      return new Result.Unsigned();
    }
    BtAuthHeaders parsed;
    try {
      parsed = BtAuthHeaders.parse(headers);
    } catch (BtAuthException e) {
      return new Result.Invalid("malformed response signature: " + e.refusal().message());
    }
    if (!parsed.hotkey().equals(expected.server())) {
      return new Result.Invalid(
          "response signed by " + parsed.hotkey() + " (expected: " + expected.server() + ")");
    }
    if (!expected.client().equals(parsed.receiver())) {
      return new Result.Invalid(
          "response addressed to " + parsed.receiver() + " (expected: " + expected.client() + ")");
    }
    String claimed = parsed.crypto() == null ? KeyScheme.SR25519.wireName() : parsed.crypto();
    if (!claimed.equals(expected.serverScheme().wireName())) {
      return new Result.Invalid(
          "response claims scheme "
              + claimed
              + " (expected: the server's registered "
              + expected.serverScheme()
              + ")");
    }
    long skew = allowedSkew.toNanos();
    if (parsed.nonce() < expected.requestNonce() - skew) {
      return new Result.Invalid("response nonce is older than the request (a replayed answer)");
    }
    if (parsed.nonce() - clock.wallNanos() > skew) {
      return new Result.Invalid("response nonce is in the future by more than " + allowedSkew);
    }
    BtAuthPayload payload;
    try {
      payload =
          BtAuthPayload.of(
              expected.serverScheme(),
              ProtocolIdentity.METHOD,
              expected.target(),
              body,
              parsed.nonce(),
              parsed.hotkey(),
              parsed.receiver());
    } catch (IllegalArgumentException e) {
      return new Result.Invalid("response signature: " + e.getMessage());
    }
    byte[] key = AccountId.fromSs58(parsed.hotkey()).bytes();
    return expected.serverScheme().verifier().verify(key, payload.bytes(), parsed.signature())
        ? new Result.Valid()
        : new Result.Invalid("bad response signature from " + expected.server());
  }
}
