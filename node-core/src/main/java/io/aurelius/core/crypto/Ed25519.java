package io.aurelius.core.crypto;

import static java.util.Objects.requireNonNull;

import java.math.BigInteger;
import java.util.Set;

/**
 * The node's one Ed25519 verification rule, used for every signature the node checks.
 *
 * <p>A signature is accepted iff:
 *
 * <ul>
 *   <li>the public key A and the point R are canonical encodings (y &lt; p) of curve points, and S
 *       &lt; L (no malleability);
 *   <li>neither A nor R is a point of small order (order 1, 2, 4 or 8), so no key or signature can
 *       be valid for many messages;
 *   <li>the cofactored equation [8][S]B = [8]R + [8][k]A holds (RFC 8032 §5.1.7).
 * </ul>
 *
 * BouncyCastle checks the encodings, S, low-order A and the equation; this class adds the
 * small-order check on R. The outcome on all 914 CCTV edge-case vectors is pinned by a test.
 */
public final class Ed25519 {
  public static final int SIGNATURE_LENGTH = 64;

  private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));

  /** y of an order-8 point; the others have y = p − this. */
  private static final BigInteger Y_ORDER_8 =
      new BigInteger(
          "2707385501144840649318225287225658788936804267575313519463743609750303402022");

  /** The y-coordinates of the eight points of small order (each y carries both signs of x). */
  private static final Set<BigInteger> SMALL_ORDER_Y =
      Set.of(
          BigInteger.ZERO, // order 4
          BigInteger.ONE, // identity (and its x-sign twin, a non-canonical encoding)
          P.subtract(BigInteger.ONE), // order 2
          Y_ORDER_8, // order 8
          P.subtract(Y_ORDER_8)); // order 8

  private Ed25519() {}

  public static boolean verify(Ed25519PublicKey key, byte[] message, byte[] signature) {
    requireNonNull(key, "key");
    requireNonNull(message, "message");
    if (signature == null || signature.length != SIGNATURE_LENGTH) {
      return false;
    }
    if (hasSmallOrder(signature, 0) || hasSmallOrder(key.encodedUnsafe(), 0)) {
      return false;
    }
    return key.point()
        .map(
            point ->
                org.bouncycastle.math.ec.rfc8032.Ed25519.verify(
                    signature, 0, point, message, 0, message.length))
        .orElse(false);
  }

  /** True if the 32-byte point encoding at {@code offset} has y of a small-order point. */
  static boolean hasSmallOrder(byte[] encoding, int offset) {
    byte[] littleEndianY = new byte[32];
    System.arraycopy(encoding, offset, littleEndianY, 0, 32);
    littleEndianY[31] &= 0x7f; // drop the sign bit of x
    byte[] bigEndian = new byte[32];
    for (int i = 0; i < 32; i++) {
      bigEndian[i] = littleEndianY[31 - i];
    }
    return SMALL_ORDER_Y.contains(new BigInteger(1, bigEndian));
  }
}
