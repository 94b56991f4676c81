package io.aurelius.core.chain.service;

/**
 * A request the chain service cannot serve, with the HTTP status a transport should answer: 400 for
 * a malformed body, 404 for an unknown route or block. The message is one line.
 */
public final class ChainRequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;

  public ChainRequestException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
