package io.aurelius.core.crypto.sr25519;

import cafe.cryptography.curve25519.Scalar;
import java.nio.charset.StandardCharsets;

/** The Merlin transcripts schnorrkel builds for signatures and key derivation. */
final class Transcripts {
  private Transcripts() {}

  /**
   * schnorrkel {@code signing_context(context).bytes(message)}: the transcript a signature starts
   * from.
   */
  static MerlinTranscript signing(byte[] context, byte[] message) {
    return new MerlinTranscript("SigningContext").append("", context).append("sign-bytes", message);
  }

  /** schnorrkel {@code derived_key_simple}'s transcript, with an empty extra input. */
  static MerlinTranscript derivation() {
    return new MerlinTranscript("SchnorrRistrettoHDKD").append("sign-bytes", new byte[0]);
  }

  /**
   * schnorrkel {@code PublicKey::derive_scalar_and_chaincode} up to its first challenge: the {@code
   * HDKD-scalar} challenge follows, then {@code HDKD-chaincode}.
   */
  static MerlinTranscript softDerivation(byte[] publicKey, byte[] chainCode) {
    Sr25519.checkChainCode(chainCode);
    return derivation().append("chain-code", chainCode).append("public-key", publicKey);
  }

  /** schnorrkel {@code challenge_scalar}: 64 challenge bytes reduced mod ℓ. */
  static Scalar challengeScalar(MerlinTranscript t, String label) {
    return Scalar.fromBytesModOrderWide(t.challengeBytes(label, 64));
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
