package io.aurelius.anchoring.log;

import static java.util.Objects.requireNonNull;

import io.aurelius.anchoring.note.KeyType;
import io.aurelius.anchoring.note.NoteSignature;
import io.aurelius.anchoring.note.VerifierKey;

/** A witness's cosignature line for a checkpoint, with the key it must verify under. */
public record Cosignature(VerifierKey witness, NoteSignature line) {
  public Cosignature {
    requireNonNull(witness, "witness");
    requireNonNull(line, "line");
    if (witness.type() != KeyType.COSIGNATURE || !line.matches(witness)) {
      throw new IllegalArgumentException(
          "cosignature line by "
              + line.name()
              + "+"
              + line.keyIdHex()
              + " (expected: one by cosigner key "
              + witness.format()
              + ")");
    }
  }
}
