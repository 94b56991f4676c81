package io.aurelius.core.crypto;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.bouncycastle.crypto.engines.XSalsa20Engine;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.bouncycastle.util.Arrays;

/**
 * NaCl's {@code crypto_secretbox_xsalsa20poly1305} (libsodium's {@code crypto_secretbox_easy}): a
 * 32-byte key and a 24-byte nonce that must never repeat under one key. The XSalsa20 keystream's
 * first 32 bytes are the one-time Poly1305 key; the rest encrypts the message. The box is the
 * 16-byte Poly1305 tag over the encrypted bytes, followed by the encrypted bytes, so it is 16 bytes
 * longer than the message.
 */
public final class XSalsa20Poly1305 {
  public static final int KEY_LENGTH = 32;
  public static final int NONCE_LENGTH = 24;
  public static final int MAC_LENGTH = 16;
  private static final int POLY1305_KEY_LENGTH = 32;

  private XSalsa20Poly1305() {}

  /** Encrypts and authenticates: {@code tag(16) ‖ ciphertext}. */
  public static byte[] seal(byte[] key, byte[] nonce, byte[] message) {
    requireNonNull(message, "message");
    XSalsa20Engine stream = stream(key, nonce);
    byte[] macKey = new byte[POLY1305_KEY_LENGTH];
    stream.processBytes(new byte[POLY1305_KEY_LENGTH], 0, POLY1305_KEY_LENGTH, macKey, 0);
    byte[] box = new byte[MAC_LENGTH + message.length];
    stream.processBytes(message, 0, message.length, box, MAC_LENGTH);
    mac(macKey, box, box, 0);
    Arrays.fill(macKey, (byte) 0);
    return box;
  }

  /**
   * Authenticates and decrypts a box from {@link #seal}; empty if the key, nonce or any byte of the
   * box is wrong, or the box is shorter than the tag.
   */
  public static Optional<byte[]> open(byte[] key, byte[] nonce, byte[] box) {
    requireNonNull(box, "box");
    XSalsa20Engine stream = stream(key, nonce);
    if (box.length < MAC_LENGTH) {
      return Optional.empty();
    }
    byte[] macKey = new byte[POLY1305_KEY_LENGTH];
    stream.processBytes(new byte[POLY1305_KEY_LENGTH], 0, POLY1305_KEY_LENGTH, macKey, 0);
    byte[] expected = new byte[MAC_LENGTH];
    mac(macKey, box, expected, 0);
    Arrays.fill(macKey, (byte) 0);
    if (!Arrays.constantTimeAreEqual(MAC_LENGTH, expected, 0, box, 0)) {
      return Optional.empty();
    }
    byte[] message = new byte[box.length - MAC_LENGTH];
    stream.processBytes(box, MAC_LENGTH, message.length, message, 0);
    return Optional.of(message);
  }

  private static XSalsa20Engine stream(byte[] key, byte[] nonce) {
    requireNonNull(key, "key");
    requireNonNull(nonce, "nonce");
    if (key.length != KEY_LENGTH) {
      throw new IllegalArgumentException(
          "XSalsa20-Poly1305 key: " + key.length + " bytes (expected: " + KEY_LENGTH + ")");
    }
    if (nonce.length != NONCE_LENGTH) {
      throw new IllegalArgumentException(
          "XSalsa20-Poly1305 nonce: " + nonce.length + " bytes (expected: " + NONCE_LENGTH + ")");
    }
    XSalsa20Engine engine = new XSalsa20Engine();
    engine.init(true, new ParametersWithIV(new KeyParameter(key), nonce));
    return engine;
  }

  /** Poly1305 under the one-time key over {@code box[16..]}, written to {@code out[offset..]}. */
  private static void mac(byte[] macKey, byte[] box, byte[] out, int offset) {
    Poly1305 poly = new Poly1305();
    poly.init(new KeyParameter(macKey));
    poly.update(box, MAC_LENGTH, box.length - MAC_LENGTH);
    poly.doFinal(out, offset);
  }
}
