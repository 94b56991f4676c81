package io.aurelius.core.protocol;

/** The HTTP statuses the protocol answers with, each with the check that produces it. */
public enum ProtocolStatus {
  OK(200, "OK"),
  /** Malformed path, headers or body (including a body that does not match its hash). */
  BAD_REQUEST(400, "Bad Request"),
  /** Unsigned, bad signature, wrong receiver, or a nonce outside the window. */
  UNAUTHORIZED(401, "Unauthorized"),
  /** Sender not registered, or banned. */
  FORBIDDEN(403, "Forbidden"),
  /** No such route. */
  NOT_FOUND(404, "Not Found"),
  /** A known path with the wrong method. */
  METHOD_NOT_ALLOWED(405, "Method Not Allowed"),
  /** The request waited too long in the queue, or arrived too slowly. */
  REQUEST_TIMEOUT(408, "Request Timeout"),
  /** Body larger than the route allows. */
  PAYLOAD_TOO_LARGE(413, "Payload Too Large"),
  /**
   * The content contradicts what the receiver committed to before (a witness shown a checkpoint
   * smaller than, or forking, the one it cosigned).
   */
  CONFLICT(409, "Conflict"),
  /** A handler refused the (well-formed, authenticated) content. */
  UNPROCESSABLE(422, "Unprocessable Content"),
  /** Per-hotkey rate limit, or too many open sessions for one hotkey. */
  TOO_MANY_REQUESTS(429, "Too Many Requests"),
  /** The handler failed; the body carries a request id to find it in the log. */
  INTERNAL_ERROR(500, "Internal Server Error"),
  /** The stake queue (or the buffer budget) is full. */
  UNAVAILABLE(503, "Service Unavailable");

  private final int code;
  private final String reason;

  ProtocolStatus(int code, String reason) {
    this.code = code;
    this.reason = reason;
  }

  public int code() {
    return code;
  }

  public String reason() {
    return reason;
  }

  public boolean isSuccess() {
    return code / 100 == 2;
  }
}
