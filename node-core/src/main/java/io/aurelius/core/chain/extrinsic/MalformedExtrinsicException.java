package io.aurelius.core.chain.extrinsic;

/**
 * An extrinsic that cannot be read: a one-line message saying what, where and what was expected.
 */
public final class MalformedExtrinsicException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MalformedExtrinsicException(String message) {
    super(message);
  }

  public MalformedExtrinsicException(String message, Throwable cause) {
    super(message, cause);
  }
}
