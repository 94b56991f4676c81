package io.aurelius.anchoring.note;

/** Text that is not a well-formed note, checkpoint, signature line or verifier key. */
public final class MalformedNoteException extends NoteException {
  private static final long serialVersionUID = 1L;

  public MalformedNoteException(String message) {
    super(message);
  }
}
