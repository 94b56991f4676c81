package io.aurelius.anchoring.gitsign;

/** An SSH signature that is malformed, of an unsupported kind, or does not verify. */
public final class SshSignatureException extends Exception {
  private static final long serialVersionUID = 1L;

  public SshSignatureException(String message) {
    super(message);
  }
}
