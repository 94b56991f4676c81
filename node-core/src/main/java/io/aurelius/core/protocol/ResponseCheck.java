package io.aurelius.core.protocol;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.hash.ContentId;
import io.aurelius.core.identity.KeyId;
import java.util.List;
import java.util.Optional;

/**
 * The client's check of a response: signed by the server it asked, for this client, echoing this
 * request's nonce and uuid, over exactly this status and body.
 */
public final class ResponseCheck {
  /** The outcome: signed and valid, not signed at all, or signed but wrong (with why). */
  public sealed interface Result {
    record Valid() implements Result {}

    record Unsigned() implements Result {}

    record Invalid(String reason) implements Result {}
  }

  private ResponseCheck() {}

  public static Result check(
      KeyId server, ResponseBinding request, int status, HeaderLookup headers, byte[] body) {
    requireNonNull(server, "server");
    requireNonNull(request, "request");
    requireNonNull(headers, "headers");
    requireNonNull(body, "body");
    Optional<String> signature = single(headers, ProtocolHeaders.SIGNATURE);
    if (signature.isEmpty()) {
      return new Result.Unsigned();
    }
    try {
      KeyId sender =
          ProtocolHeaders.parseKeyId(
              ProtocolHeaders.SENDER, single(headers, ProtocolHeaders.SENDER).orElse(""));
      KeyId receiver =
          ProtocolHeaders.parseKeyId(
              ProtocolHeaders.RECEIVER, single(headers, ProtocolHeaders.RECEIVER).orElse(""));
      long nonce = ProtocolHeaders.parseNonce(single(headers, ProtocolHeaders.NONCE).orElse(""));
      String uuid = ProtocolHeaders.parseUuid(single(headers, ProtocolHeaders.UUID).orElse(""));
      ContentId bodyHash =
          ProtocolHeaders.parseBodyHash(single(headers, ProtocolHeaders.BODY_SHA256).orElse(""));
      byte[] sig = ProtocolHeaders.parseSignature(signature.get());
      if (!sender.equals(server)) {
        return new Result.Invalid("response signed by " + sender + " (expected: " + server + ")");
      }
      if (!receiver.equals(request.client())) {
        return new Result.Invalid(
            "response addressed to " + receiver + " (expected: " + request.client() + ")");
      }
      if (nonce != request.nonce() || !uuid.equals(request.uuid())) {
        return new Result.Invalid(
            "response echoes nonce "
                + nonce
                + " uuid "
                + uuid
                + " (expected: "
                + request.nonce()
                + " "
                + request.uuid()
                + ")");
      }
      if (!ContentId.of(body).equals(bodyHash)) {
        return new Result.Invalid(
            "response body does not match its " + ProtocolHeaders.BODY_SHA256);
      }
      ResponseEnvelope envelope =
          new ResponseEnvelope(status, sender, receiver, nonce, uuid, bodyHash);
      return envelope.verify(sig)
          ? new Result.Valid()
          : new Result.Invalid("bad response signature from " + server);
    } catch (RefusalException e) {
      return new Result.Invalid("malformed response: " + e.refusal().message());
    }
  }

  private static Optional<String> single(HeaderLookup headers, String name) {
    List<String> values = headers.all(name);
    if (values == null || values.size() != 1) {
      return Optional.empty();
    }
    return Optional.of(values.get(0).trim());
  }
}
