package io.aurelius.anchoring.log;

/** The path or URL is not an aurelius log (not a repository, no manifest, wrong format). */
public final class NotALogException extends LogException {
  private static final long serialVersionUID = 1L;

  public NotALogException(String message) {
    super(message);
  }
}
