package io.aurelius.config.model;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.identity.KeyId;
import java.util.Base64;

/**
 * The author's hotkey and an Ed25519 signature over the 32-byte configuration id (the digest, not
 * its hex), base64 in the document.
 */
public record Signature(KeyId author, String base64) {
  public Signature {
    requireNonNull(author, "author");
    requireNonNull(base64, "base64");
  }

  public static Signature of(KeyId author, byte[] signature) {
    return new Signature(author, Base64.getEncoder().encodeToString(signature));
  }

  public byte[] bytes() {
    return Base64.getDecoder().decode(base64);
  }
}
