package io.aurelius.anchoring.note;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Locale;

/**
 * One signature line of a note: {@code — <name> <base64(keyID[4] ‖ signature)>}. The signature
 * field is 64 bytes for Ed25519 and {@code u64be(time) ‖ 64} for a cosignature.
 */
public record NoteSignature(String name, int keyId, byte[] signature) {
  public NoteSignature {
    requireNonNull(name, "name");
    requireNonNull(signature, "signature");
    VerifierKey.checkName(name);
    signature = signature.clone();
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  /** The line without its trailing newline. */
  public String line() {
    byte[] field = ByteBuffer.allocate(4 + signature.length).putInt(keyId).put(signature).array();
    return SignedNote.DASH + " " + name + " " + Base64.getEncoder().encodeToString(field);
  }

  public String keyIdHex() {
    return String.format(Locale.ROOT, "%08x", keyId);
  }

  public boolean matches(VerifierKey key) {
    return key.name().equals(name) && key.keyId() == keyId;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NoteSignature other
        && other.name.equals(name)
        && other.keyId == keyId
        && java.util.Arrays.equals(other.signature, signature);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + keyId * 17 + java.util.Arrays.hashCode(signature);
  }

  @Override
  public String toString() {
    return line();
  }
}
