package io.aurelius.core.chain.store;

/** The block repository cannot be read or written, or holds something that is not a chain. */
public final class BlockStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BlockStoreException(String message) {
    super(message);
  }

  public BlockStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
