package io.aurelius.anchoring.note;

/** A note, checkpoint or key that is malformed or does not verify; one-line message. */
public class NoteException extends Exception {
  private static final long serialVersionUID = 1L;

  public NoteException(String message) {
    super(message);
  }
}
