package io.aurelius.anchoring.note;

/** A well-formed note whose signature by a known key does not verify, or that lacks one. */
public final class NoteVerificationException extends NoteException {
  private static final long serialVersionUID = 1L;

  public NoteVerificationException(String message) {
    super(message);
  }
}
