package io.aurelius.core.crypto;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.crypto.sr25519.Sr25519;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A signature scheme the node can sign and verify with: a small closed set. Each scheme has a
 * lowercase wire name and a wire id; the ids are Substrate's {@code MultiSignature} variant indexes
 * (0 ed25519, 1 sr25519, 2 ecdsa), so a scheme added later keeps the id Bittensor already gives it.
 *
 * <p>A new scheme is one more constant here; {@link #verifier()} and {@link #publicKey} are
 * exhaustive switches, so the compiler names every place that must learn it.
 */
public enum KeyScheme {
  /** Pure Ed25519 (RFC 8032), verified under the node's one strict rule ({@link Ed25519}). */
  ED25519("ed25519", 0, Ed25519PublicKey.LENGTH, Ed25519.SIGNATURE_LENGTH),
  /**
   * Schnorrkel over Ristretto255 under Substrate's {@code substrate} context, the Bittensor hotkey
   * scheme ({@link io.aurelius.core.crypto.sr25519.Sr25519}); signatures are randomized.
   */
  SR25519("sr25519", 1, Sr25519PublicKey.LENGTH, Sr25519.SIGNATURE_LENGTH);

  private final String wireName;
  private final int wireId;
  private final int publicKeyLength;
  private final int signatureLength;

  KeyScheme(String wireName, int wireId, int publicKeyLength, int signatureLength) {
    this.wireName = wireName;
    this.wireId = wireId;
    this.publicKeyLength = publicKeyLength;
    this.signatureLength = signatureLength;
  }

  /** The lowercase name, e.g. {@code ed25519}. */
  public String wireName() {
    return wireName;
  }

  /** Substrate's {@code MultiSignature} index of this scheme. */
  public int wireId() {
    return wireId;
  }

  public int publicKeyLength() {
    return publicKeyLength;
  }

  public int signatureLength() {
    return signatureLength;
  }

  /** The one verifier of this scheme, with the scheme's one strict rule. */
  public Verifier verifier() {
    return switch (this) {
      case ED25519 -> Ed25519Verifier.INSTANCE;
      case SR25519 -> Sr25519Verifier.INSTANCE;
    };
  }

  /**
   * Decodes a public key of this scheme; a wrong length is an {@link IllegalArgumentException} with
   * a one-line reason.
   */
  public VerifyingKey publicKey(byte[] encoded) {
    requireNonNull(encoded, "encoded");
    return switch (this) {
      case ED25519 -> Ed25519PublicKey.fromBytes(encoded);
      case SR25519 -> Sr25519PublicKey.fromBytes(encoded);
    };
  }

  /** The scheme named {@code name}; an unknown name is an {@link IllegalArgumentException}. */
  public static KeyScheme fromWireName(String name) {
    requireNonNull(name, "name");
    for (KeyScheme scheme : values()) {
      if (scheme.wireName.equals(name)) {
        return scheme;
      }
    }
    String shown = name.length() > 40 ? name.substring(0, 40) + "…" : name;
    throw new IllegalArgumentException(
        "key scheme '"
            + shown
            + "': unknown (expected: one of "
            + Arrays.stream(values()).map(KeyScheme::wireName).collect(Collectors.joining(", "))
            + ")");
  }

  /** The scheme with wire id {@code id}; an unknown id is an {@link IllegalArgumentException}. */
  public static KeyScheme fromWireId(int id) {
    for (KeyScheme scheme : values()) {
      if (scheme.wireId == id) {
        return scheme;
      }
    }
    throw new IllegalArgumentException(
        "key scheme id "
            + id
            + ": unknown (expected: one of "
            + Arrays.stream(values())
                .map(s -> s.wireId + " (" + s.wireName + ")")
                .collect(Collectors.joining(", "))
            + ")");
  }

  @Override
  public String toString() {
    return wireName;
  }
}
