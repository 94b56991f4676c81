package io.aurelius.core.crypto.sr25519;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * A Merlin transcript (merlin.cool; dalek-cryptography/merlin {@code src/transcript.rs}): a
 * STROBE-128 duplex that absorbs labelled messages and squeezes labelled challenges, so a
 * Fiat-Shamir challenge commits to everything appended before it. Labels are ASCII. Mutable and not
 * thread-safe; {@link #copy()} forks it.
 */
public final class MerlinTranscript {
  private static final byte[] PROTOCOL_LABEL = ascii("Merlin v1.0");

  private final Strobe128 strobe;

  /** A transcript for the application protocol {@code label} (Merlin's domain separator). */
  public MerlinTranscript(String label) {
    strobe = new Strobe128(PROTOCOL_LABEL);
    append("dom-sep", ascii(label));
  }

  private MerlinTranscript(Strobe128 strobe) {
    this.strobe = strobe;
  }

  public MerlinTranscript copy() {
    return new MerlinTranscript(strobe.copy());
  }

  /** Appends {@code message} under {@code label}. */
  public MerlinTranscript append(String label, byte[] message) {
    requireNonNull(message, "message");
    strobe.metaAd(ascii(label), false);
    strobe.metaAd(le32(message.length), true);
    strobe.ad(message, false);
    return this;
  }

  /** Squeezes {@code length} challenge bytes under {@code label}. */
  public byte[] challengeBytes(String label, int length) {
    byte[] out = new byte[length];
    strobe.metaAd(ascii(label), false);
    strobe.metaAd(le32(length), true);
    strobe.prf(out, false);
    return out;
  }

  /**
   * Merlin's transcript RNG ({@code build_rng().rekey_with_witness_bytes(label, seed)…
   * .finalize(rng).fill_bytes}): {@code length} bytes bound to the transcript so far, to each
   * secret {@code witness} and to 32 fresh bytes of {@code random}. A forked copy of the transcript
   * is used; this transcript is unchanged.
   */
  public byte[] witnessBytes(String label, int length, Random random, byte[]... witnesses) {
    requireNonNull(random, "random");
    Strobe128 rng = strobe.copy();
    try {
      for (byte[] witness : witnesses) {
        rng.metaAd(ascii(label), false);
        rng.metaAd(le32(witness.length), true);
        rng.key(witness, false);
      }
      byte[] entropy = new byte[32];
      random.nextBytes(entropy);
      rng.metaAd(ascii("rng"), false);
      rng.key(entropy, false);
      byte[] out = new byte[length];
      rng.metaAd(le32(length), false);
      rng.prf(out, false);
      return out;
    } finally {
      rng.destroy();
    }
  }

  private static byte[] le32(int n) {
    return new byte[] {(byte) n, (byte) (n >>> 8), (byte) (n >>> 16), (byte) (n >>> 24)};
  }

  private static byte[] ascii(String label) {
    return requireNonNull(label, "label").getBytes(StandardCharsets.US_ASCII);
  }
}
