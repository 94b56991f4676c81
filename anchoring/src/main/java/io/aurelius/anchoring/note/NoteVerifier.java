package io.aurelius.anchoring.note;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Checks a note's signatures against a set of known verifier keys. As the signed-note spec asks,
 * lines from unknown keys are ignored, while a line from a known key that does not verify rejects
 * the whole note. Each known key may sign at most once.
 */
public final class NoteVerifier {
  private final List<VerifierKey> keys;

  public NoteVerifier(Collection<VerifierKey> keys) {
    this.keys = List.copyOf(requireNonNull(keys, "keys"));
  }

  /** The verified signatures (possibly none); throws if a known key's line is bad. */
  public List<VerifiedSignature> verify(SignedNote note) throws NoteVerificationException {
    requireNonNull(note, "note");
    byte[] text = note.text().getBytes(StandardCharsets.UTF_8);
    List<VerifiedSignature> out = new ArrayList<>();
    for (NoteSignature line : note.signatures()) {
      for (VerifierKey key : keys) {
        if (!line.matches(key)) {
          continue;
        }
        if (out.stream().anyMatch(v -> v.key().equals(key))) {
          throw new NoteVerificationException(
              "note: two signatures by " + key.name() + "+" + key.keyIdHex());
        }
        out.add(check(key, line, note.text(), text));
      }
    }
    return out;
  }

  /** Verifies and requires a valid signature by {@code key} (a log key). */
  public static void requireSignedBy(SignedNote note, VerifierKey key)
      throws NoteVerificationException {
    List<VerifiedSignature> verified = new NoteVerifier(List.of(key)).verify(note);
    if (verified.isEmpty()) {
      throw new NoteVerificationException(
          "note: no signature by "
              + key.name()
              + "+"
              + key.keyIdHex()
              + " (signed by: "
              + signerList(note)
              + ")");
    }
  }

  private static VerifiedSignature check(
      VerifierKey key, NoteSignature line, String textString, byte[] text)
      throws NoteVerificationException {
    byte[] sig = line.signature();
    String who = key.name() + "+" + key.keyIdHex();
    switch (key.type()) {
      case ED25519 -> {
        if (!key.publicKey().verify(text, sig)) {
          throw new NoteVerificationException("note: signature by " + who + " does not verify");
        }
        return new VerifiedSignature(key, java.util.OptionalLong.empty());
      }
      case COSIGNATURE -> {
        if (sig.length != 8 + 64) {
          throw new NoteVerificationException(
              "note: cosignature by "
                  + who
                  + " is "
                  + sig.length
                  + " bytes (expected: 72, time and signature)");
        }
        long time = ByteBuffer.wrap(sig, 0, 8).getLong();
        byte[] message = NoteSigner.cosignedMessage(textString, time);
        if (!key.publicKey().verify(message, Arrays.copyOfRange(sig, 8, sig.length))) {
          throw new NoteVerificationException("note: cosignature by " + who + " does not verify");
        }
        return new VerifiedSignature(key, java.util.OptionalLong.of(time));
      }
      default -> throw new IllegalStateException("unhandled key type " + key.type());
    }
  }

  private static String signerList(SignedNote note) {
    List<String> names = new ArrayList<>();
    note.signatures().forEach(s -> names.add(s.name() + "+" + s.keyIdHex()));
    return names.isEmpty() ? "nobody" : String.join(", ", names);
  }
}
