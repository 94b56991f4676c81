package io.aurelius.core.chain.dev;

/**
 * The dev chain refuses to start: a tampered or unreadable block (the message names it), a genesis
 * that does not match the data dir, a wrong authority key, or a data dir in use.
 */
public final class ChainStartException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ChainStartException(String message) {
    super(message);
  }

  public ChainStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
