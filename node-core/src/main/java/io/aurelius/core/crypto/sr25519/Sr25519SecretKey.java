package io.aurelius.core.crypto.sr25519;

import static java.util.Objects.requireNonNull;

import cafe.cryptography.curve25519.Constants;
import cafe.cryptography.curve25519.Scalar;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * A schnorrkel secret key: the scalar a and the 32-byte nonce seed that, with fresh randomness,
 * makes each signature's witness (w3f/schnorrkel {@code src/keys.rs}). Immutable; the public key is
 * computed once. It never prints its secret.
 */
public final class Sr25519SecretKey {
  public static final int LENGTH = 64;

  private final Scalar key;
  private final byte[] nonce;
  private final byte[] publicKey;

  private Sr25519SecretKey(Scalar key, byte[] nonce) {
    this.key = key;
    this.nonce = nonce;
    this.publicKey = Constants.RISTRETTO_GENERATOR_TABLE.multiply(key).compress().toByteArray();
  }

  /**
   * Expands a 32-byte mini secret in schnorrkel's Ed25519 mode, as Substrate does: h = SHA-512(mini
   * secret); the key is h[0..32] clamped as in Ed25519 and divided by the cofactor 8, the nonce is
   * h[32..64].
   */
  public static Sr25519SecretKey fromMiniSecret(byte[] miniSecret) {
    requireNonNull(miniSecret, "miniSecret");
    if (miniSecret.length != Sr25519.MINI_SECRET_LENGTH) {
      throw new IllegalArgumentException(
          "sr25519 mini secret: "
              + miniSecret.length
              + " bytes (expected: "
              + Sr25519.MINI_SECRET_LENGTH
              + ")");
    }
    byte[] h = sha512(miniSecret);
    try {
      byte[] k = Arrays.copyOf(h, 32);
      k[0] &= (byte) 248;
      k[31] &= 63;
      k[31] |= 64;
      divideByCofactor(k);
      // The clamped value is below 2^255, so k/8 < 2^252 < ℓ: already reduced.
      Scalar key = Scalar.fromBytesModOrder(k);
      Arrays.fill(k, (byte) 0);
      return new Sr25519SecretKey(key, Arrays.copyOfRange(h, 32, 64));
    } finally {
      Arrays.fill(h, (byte) 0);
    }
  }

  /**
   * Decodes schnorrkel's {@code SecretKey::to_bytes} form, key ‖ nonce (64 bytes), with the key a
   * canonical scalar.
   */
  public static Sr25519SecretKey fromBytes(byte[] bytes) {
    requireNonNull(bytes, "bytes");
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException(
          "sr25519 secret key: " + bytes.length + " bytes (expected: " + LENGTH + ")");
    }
    Scalar key;
    try {
      key = Scalar.fromCanonicalBytes(Arrays.copyOf(bytes, 32));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("sr25519 secret key: the scalar is not canonical");
    }
    return new Sr25519SecretKey(key, Arrays.copyOfRange(bytes, 32, 64));
  }

  /** schnorrkel's {@code SecretKey::to_bytes}: key ‖ nonce, 64 bytes. Handle with care. */
  public byte[] toBytes() {
    byte[] out = Arrays.copyOf(key.toByteArray(), LENGTH);
    System.arraycopy(nonce, 0, out, 32, 32);
    return out;
  }

  /** The 32-byte compressed Ristretto255 public key a·B. */
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /** Signs under Substrate's signing context {@code substrate}. */
  public byte[] sign(byte[] message, SecureRandom random) {
    return sign(Sr25519.SUBSTRATE_CONTEXT, message, random);
  }

  /**
   * Signs {@code message} in signing context {@code context} (schnorrkel {@code SecretKey::sign}):
   * the witness r comes from the nonce and 32 bytes of {@code random} bound to the transcript, so
   * two signatures of one message differ.
   */
  public byte[] sign(byte[] context, byte[] message, SecureRandom random) {
    requireNonNull(context, "context");
    requireNonNull(message, "message");
    requireNonNull(random, "random");
    MerlinTranscript t = Transcripts.signing(context, message);
    t.append("proto-name", Transcripts.ascii("Schnorr-sig"));
    t.append("sign:pk", publicKey);
    Scalar r = Scalar.fromBytesModOrderWide(t.witnessBytes("signing", 64, random, nonce));
    byte[] bigR = Constants.RISTRETTO_GENERATOR_TABLE.multiply(r).compress().toByteArray();
    t.append("sign:R", bigR);
    Scalar k = Transcripts.challengeScalar(t, "sign:c");
    Scalar s = k.multiplyAndAdd(key, r);
    byte[] signature = Arrays.copyOf(bigR, Sr25519.SIGNATURE_LENGTH);
    System.arraycopy(s.toByteArray(), 0, signature, 32, 32);
    signature[63] |= (byte) 0x80; // schnorrkel's marker: not an Ed25519 or pre-0.1.1 signature
    return signature;
  }

  /**
   * The mini secret of hard junction {@code chainCode} ({@code //junction}; schnorrkel {@code
   * SecretKey::hard_derive_mini_secret_key}, as Substrate calls it, with an empty extra input).
   */
  public byte[] hardDeriveMiniSecret(byte[] chainCode) {
    Sr25519.checkChainCode(chainCode);
    MerlinTranscript t = Transcripts.derivation();
    t.append("chain-code", chainCode);
    t.append("secret-key", key.toByteArray());
    return t.challengeBytes("HDKD-hard", Sr25519.MINI_SECRET_LENGTH);
  }

  /** The key of hard junction {@code chainCode}: its mini secret, expanded in Ed25519 mode. */
  public Sr25519SecretKey deriveHard(byte[] chainCode) {
    byte[] mini = hardDeriveMiniSecret(chainCode);
    try {
      return fromMiniSecret(mini);
    } finally {
      Arrays.fill(mini, (byte) 0);
    }
  }

  /**
   * The key of soft junction {@code chainCode} ({@code /junction}; schnorrkel {@code
   * derived_key_simple}): a + d with d from {@link Sr25519#deriveSoftPublic}'s transcript, so its
   * public key is the soft derivation of this public key. The new nonce is random, as in
   * schnorrkel: it only guards against a bad signing RNG and is not part of any test vector.
   */
  public Sr25519SecretKey deriveSoft(byte[] chainCode, SecureRandom random) {
    requireNonNull(random, "random");
    MerlinTranscript t = Transcripts.softDerivation(publicKey, chainCode);
    Scalar d = Transcripts.challengeScalar(t, "HDKD-scalar");
    t.challengeBytes("HDKD-chaincode", Sr25519.CHAIN_CODE_LENGTH);
    byte[] secret = toBytes();
    try {
      byte[] newNonce = t.witnessBytes("HDKD-nonce", 32, random, nonce, secret);
      return new Sr25519SecretKey(key.add(d), newNonce);
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
  }

  /** schnorrkel {@code divide_scalar_bytes_by_cofactor}: a little-endian shift right by 3. */
  private static void divideByCofactor(byte[] scalar) {
    int low = 0;
    for (int i = scalar.length - 1; i >= 0; i--) {
      int b = scalar[i] & 0xff;
      scalar[i] = (byte) ((b >>> 3) + low);
      low = (b & 7) << 5;
    }
  }

  private static byte[] sha512(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-512").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-512 is required of every JDK", e);
    }
  }

  @Override
  public String toString() {
    return "Sr25519SecretKey[public " + java.util.HexFormat.of().formatHex(publicKey) + "]";
  }
}
