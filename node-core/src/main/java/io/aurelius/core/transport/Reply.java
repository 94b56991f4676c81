package io.aurelius.core.transport;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonLimits;
import java.util.Optional;

/**
 * What a call to a peer produced: a verified answer, a refusal by the peer, or a failure to get a
 * trustworthy answer at all. A {@code switch} over it is exhaustive.
 */
public sealed interface Reply {
  /** A 2xx answer whose signature, receiver, nonce echo and body hash all checked out. */
  record Ok(int status, byte[] body, String requestId) implements Reply {
    public Ok {
      requireNonNull(body, "body");
      requireNonNull(requestId, "requestId");
    }

    /** The body as strict JSON, bounded like any untrusted document. */
    public JsonNode json() {
      return Json.parse(body, "response body", JsonLimits.UNTRUSTED);
    }

    public <T> T as(Class<T> type) {
      return Json.convert(json(), type, "response body");
    }
  }

  /**
   * The peer refused (4xx/5xx) with its one-line reason. {@code signed} tells whether the refusal
   * carried a valid signature from the peer (refusals of malformed requests cannot).
   */
  record Refused(int status, String message, Optional<String> requestId, boolean signed)
      implements Reply {
    public Refused {
      requireNonNull(message, "message");
      requireNonNull(requestId, "requestId");
    }
  }

  /** No trustworthy answer: see {@link Failure}. */
  record Failed(Failure failure, String message) implements Reply {
    public Failed {
      requireNonNull(failure, "failure");
      requireNonNull(message, "message");
    }
  }

  enum Failure {
    /** Could not connect (or no free connection within the connect timeout). */
    CONNECT,
    /** No complete answer within the request timeout. */
    TIMEOUT,
    /** The connection closed before the answer was complete. */
    CLOSED,
    /** A 2xx answer without a signature, or any answer with a wrong one. */
    UNVERIFIED,
    /** The answer was not valid HTTP, or larger than the client accepts. */
    MALFORMED,
    /** The client is closed, or too many calls are waiting for a connection. */
    REJECTED
  }

  /** The verified answer, or a {@link ProtocolCallException} describing why there is none. */
  default Ok orThrow() {
    if (this instanceof Ok ok) {
      return ok;
    }
    throw new ProtocolCallException(this);
  }
}
