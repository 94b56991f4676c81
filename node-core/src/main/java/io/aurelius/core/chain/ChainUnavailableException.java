package io.aurelius.core.chain;

/**
 * The chain could not be asked: unreachable, timed out, an unverifiable answer, or a refusal of the
 * call itself (not a rejected extrinsic, which is a {@link Receipt.Rejected}). The message is one
 * line.
 */
public class ChainUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ChainUnavailableException(String message) {
    super(message);
  }

  public ChainUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
