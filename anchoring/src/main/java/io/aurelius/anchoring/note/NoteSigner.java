package io.aurelius.anchoring.note;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.crypto.Ed25519KeyPair;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Signs notes with an Ed25519 key under a name: as the log (type 01, over the text) or as a witness
 * (type 04, {@code cosignature/v1}, over {@code "cosignature/v1\ntime <t>\n" ‖ text}).
 */
public final class NoteSigner {
  private final String name;
  private final Ed25519KeyPair key;

  public NoteSigner(String name, Ed25519KeyPair key) {
    this.name = requireNonNull(name, "name");
    this.key = requireNonNull(key, "key");
    VerifierKey.checkName(name);
  }

  public String name() {
    return name;
  }

  public VerifierKey verifierKey() {
    return VerifierKey.of(name, KeyType.ED25519, key.publicKey());
  }

  public VerifierKey cosignerKey() {
    return VerifierKey.of(name, KeyType.COSIGNATURE, key.publicKey());
  }

  /** The type-01 signature line for {@code text}. */
  public NoteSignature sign(String text) {
    requireNonNull(text, "text");
    byte[] sig = key.sign(text.getBytes(StandardCharsets.UTF_8));
    return new NoteSignature(name, verifierKey().keyId(), sig);
  }

  public SignedNote signNote(String text) {
    return new SignedNote(text, java.util.List.of(sign(text)));
  }

  /** The tlog-cosignature/v1 line for {@code checkpointText} at Unix time {@code time}. */
  public NoteSignature cosign(String checkpointText, long time) {
    requireNonNull(checkpointText, "checkpointText");
    if (time < 0) {
      throw new IllegalArgumentException("cosignature time: " + time + " (expected: ≥ 0)");
    }
    byte[] sig = key.sign(cosignedMessage(checkpointText, time));
    byte[] field = ByteBuffer.allocate(8 + sig.length).putLong(time).put(sig).array();
    return new NoteSignature(name, cosignerKey().keyId(), field);
  }

  static byte[] cosignedMessage(String checkpointText, long time) {
    return ("cosignature/v1\ntime " + Long.toUnsignedString(time) + "\n" + checkpointText)
        .getBytes(StandardCharsets.UTF_8);
  }
}
