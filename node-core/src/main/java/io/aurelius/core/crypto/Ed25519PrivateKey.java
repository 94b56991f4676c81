package io.aurelius.core.crypto;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import javax.security.auth.Destroyable;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * A 32-byte Ed25519 private key (the RFC 8032 seed). Its {@code toString} never shows the secret;
 * {@link #destroy()} wipes it.
 */
public final class Ed25519PrivateKey implements Destroyable {
  public static final int LENGTH = 32;
  private final byte[] seed;
  private final Ed25519PrivateKeyParameters params;
  private volatile boolean destroyed;

  private Ed25519PrivateKey(byte[] seed) {
    this.seed = seed;
    this.params = new Ed25519PrivateKeyParameters(seed, 0);
  }

  public static Ed25519PrivateKey fromSeed(byte[] seed) {
    requireNonNull(seed, "seed");
    if (seed.length != LENGTH) {
      throw new IllegalArgumentException(
          "Ed25519 private key: " + seed.length + " bytes (expected: " + LENGTH + ")");
    }
    return new Ed25519PrivateKey(seed.clone());
  }

  public byte[] seed() {
    checkLive();
    return seed.clone();
  }

  public Ed25519PublicKey publicKey() {
    checkLive();
    return Ed25519PublicKey.fromBytes(params.generatePublicKey().getEncoded());
  }

  /** Signs a message (pure Ed25519, RFC 8032 §5.1.6). Returns 64 bytes. */
  public byte[] sign(byte[] message) {
    checkLive();
    requireNonNull(message, "message");
    byte[] signature = new byte[Ed25519.SIGNATURE_LENGTH];
    params.sign(
        org.bouncycastle.math.ec.rfc8032.Ed25519.Algorithm.Ed25519,
        null,
        message,
        0,
        message.length,
        signature,
        0);
    return signature;
  }

  Ed25519PrivateKeyParameters params() {
    checkLive();
    return params;
  }

  @Override
  public void destroy() {
    Arrays.fill(seed, (byte) 0);
    destroyed = true;
  }

  @Override
  public boolean isDestroyed() {
    return destroyed;
  }

  private void checkLive() {
    if (destroyed) {
      throw new IllegalStateException("private key was destroyed");
    }
  }

  @Override
  public String toString() {
    return "Ed25519PrivateKey[hidden]";
  }
}
