package io.aurelius.config.model;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.identity.KeyId;
import java.util.Base64;

/**
 * The author's hotkey, the scheme of its key (an SS58 address does not say it) and its signature
 * over the 32-byte configuration id (the digest, not its hex), base64 in the document. The
 * document's signature block names the scheme only when it is not Ed25519, so documents signed
 * before schemes read as they did.
 */
public record Signature(KeyId author, KeyScheme scheme, String base64) {
  public Signature {
    requireNonNull(author, "author");
    requireNonNull(scheme, "scheme");
    requireNonNull(base64, "base64");
  }

  public static Signature of(KeyId author, KeyScheme scheme, byte[] signature) {
    return new Signature(author, scheme, Base64.getEncoder().encodeToString(signature));
  }

  public byte[] bytes() {
    return Base64.getDecoder().decode(base64);
  }
}
