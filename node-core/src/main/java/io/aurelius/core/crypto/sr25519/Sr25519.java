package io.aurelius.core.crypto.sr25519;

import static java.util.Objects.requireNonNull;

import cafe.cryptography.curve25519.CompressedRistretto;
import cafe.cryptography.curve25519.Constants;
import cafe.cryptography.curve25519.InvalidEncodingException;
import cafe.cryptography.curve25519.RistrettoElement;
import cafe.cryptography.curve25519.Scalar;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;

/**
 * sr25519 verification and public-key operations (w3f/schnorrkel {@code src/sign.rs}, {@code
 * src/derive.rs}). Verification is strict: the public key must be a canonical Ristretto255
 * encoding, the signature must carry schnorrkel's marker (bit 7 of byte 63), its scalar must be
 * canonical (below ℓ), and R must equal the canonical encoding of s·B − k·A, so a non-canonical R
 * never verifies. One rule is the node's own: the identity is not a public key (schnorrkel accepts
 * it, and under it s·B is a signature of every message; no expanded or derived key is the identity
 * but with negligible probability).
 *
 * <p>Verification caches decoded keys and, from a key's second use, a precomputed table for it
 * ({@link VerifyingPoints}); the cache never changes an outcome. Signing ({@link Sr25519SecretKey})
 * uses only the constant-time fixed-base table of B.
 */
public final class Sr25519 {
  public static final int PUBLIC_KEY_LENGTH = 32;
  public static final int SIGNATURE_LENGTH = 64;
  public static final int MINI_SECRET_LENGTH = 32;
  public static final int CHAIN_CODE_LENGTH = 32;

  /** The signing context Substrate (and so Bittensor) uses, {@code sp_core::sr25519}. */
  static final byte[] SUBSTRATE_CONTEXT = Transcripts.ascii("substrate");

  /** Decoded keys with their tables; see {@link VerifyingPoints}. */
  static final VerifyingPoints VERIFYING_POINTS =
      new VerifyingPoints(VerifyingPoints.DEFAULT_CAPACITY);

  private Sr25519() {}

  /** Verifies under Substrate's signing context {@code substrate}. */
  public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
    return verify(SUBSTRATE_CONTEXT, publicKey, message, signature);
  }

  /**
   * Verifies {@code signature} over {@code message} in signing context {@code context}; a malformed
   * key or signature is {@code false}.
   */
  public static boolean verify(byte[] context, byte[] publicKey, byte[] message, byte[] signature) {
    requireNonNull(context, "context");
    requireNonNull(message, "message");
    if (signature == null || signature.length != SIGNATURE_LENGTH) {
      return false;
    }
    Optional<VerifyingPoints.Point> a = VERIFYING_POINTS.get(publicKey);
    if (a.isEmpty()) {
      return false;
    }
    Optional<Scalar> s = signatureScalar(signature);
    if (s.isEmpty()) {
      return false;
    }
    byte[] r = Arrays.copyOf(signature, 32);
    MerlinTranscript t = Transcripts.signing(context, message);
    t.append("proto-name", Transcripts.ascii("Schnorr-sig"));
    t.append("sign:pk", publicKey);
    t.append("sign:R", r);
    Scalar k = Transcripts.challengeScalar(t, "sign:c");
    RistrettoElement expected =
        Constants.RISTRETTO_GENERATOR_TABLE.multiply(s.get()).add(a.get().negatedMultiple(k));
    return MessageDigest.isEqual(expected.compress().toByteArray(), r);
  }

  /** Whether {@code publicKey} is a canonical Ristretto255 encoding other than the identity. */
  public static boolean isValidPublicKey(byte[] publicKey) {
    return decode(publicKey).isPresent();
  }

  /**
   * Soft derivation of a public key ({@code /junction}): A + d·B, where d is the {@code
   * HDKD-scalar} challenge over the chain code and A. Matches {@link Sr25519SecretKey#deriveSoft}'s
   * public key.
   */
  public static byte[] deriveSoftPublic(byte[] publicKey, byte[] chainCode) {
    RistrettoElement a =
        decode(publicKey)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "sr25519 public key: not a canonical Ristretto255 point, or the identity"));
    Scalar d =
        Transcripts.challengeScalar(
            Transcripts.softDerivation(publicKey, chainCode), "HDKD-scalar");
    return a.add(Constants.RISTRETTO_GENERATOR_TABLE.multiply(d)).compress().toByteArray();
  }

  static void checkChainCode(byte[] chainCode) {
    requireNonNull(chainCode, "chainCode");
    if (chainCode.length != CHAIN_CODE_LENGTH) {
      throw new IllegalArgumentException(
          "chain code: " + chainCode.length + " bytes (expected: " + CHAIN_CODE_LENGTH + ")");
    }
  }

  /**
   * The point {@code encoded} names; empty unless it is a canonical Ristretto255 encoding of a
   * point other than the identity.
   */
  static Optional<RistrettoElement> decode(byte[] encoded) {
    if (encoded == null || encoded.length != PUBLIC_KEY_LENGTH) {
      return Optional.empty();
    }
    if (Arrays.equals(encoded, new byte[PUBLIC_KEY_LENGTH])) {
      return Optional.empty(); // the identity's one canonical encoding
    }
    try {
      return Optional.of(new CompressedRistretto(encoded.clone()).decompress());
    } catch (InvalidEncodingException e) {
      return Optional.empty();
    }
  }

  /** schnorrkel {@code Signature::from_bytes}: the marker bit set, then a canonical s. */
  private static Optional<Scalar> signatureScalar(byte[] signature) {
    if ((signature[63] & 0x80) == 0) {
      return Optional.empty(); // NotMarkedSchnorrkel: a pre-0.1.1 signature
    }
    byte[] s = Arrays.copyOfRange(signature, 32, 64);
    s[31] &= 0x7f;
    try {
      return Optional.of(Scalar.fromCanonicalBytes(s));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
