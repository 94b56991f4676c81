package io.aurelius.core.identity.wallet;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * The secret of a wallet key as its keyfile holds it, before any key math: a mnemonic {@link
 * Phrase}, a 32-byte {@link MiniSecret} or a 64-byte sr25519 {@link ExpandedSecret}. Whoever turns
 * it into a signer (the sr25519 or Ed25519 code, by the key's {@link CryptoType}) switches over the
 * three cases and must check that the key it derives has the keyfile's public key ({@link
 * KeyMaterial#account()}).
 *
 * <p>Each holds its own copy of the secret, hands out copies, and can be {@link #destroy()
 * destroyed} (overwritten with zeros). {@code toString} never shows the secret.
 */
public sealed interface SecretMaterial
    permits SecretMaterial.Phrase, SecretMaterial.MiniSecret, SecretMaterial.ExpandedSecret {

  /** Overwrites the secret with zeros; later reads throw {@link IllegalStateException}. */
  void destroy();

  boolean isDestroyed();

  /**
   * A BIP-39 mnemonic ({@code secretPhrase}): 12, 15, 18, 21 or 24 words separated by single
   * spaces. Substrate derives the mini secret from it with substrate-bip39 (the first 32 bytes of
   * PBKDF2-HMAC-SHA512 over the mnemonic's entropy, salt {@code "mnemonic"}, 2048 rounds).
   */
  final class Phrase implements SecretMaterial {
    private final char[] words;
    private boolean destroyed;

    private Phrase(char[] words) {
      this.words = words;
    }

    /**
     * A phrase of 12, 15, 18, 21 or 24 words of lower-case ASCII letters separated by single
     * spaces; anything else is an {@link IllegalArgumentException} that does not repeat the phrase.
     * The words are not checked against the BIP-39 list here.
     */
    public static Phrase of(char[] words) {
      requireNonNull(words, "words");
      int count = 1;
      boolean previousSpace = true;
      for (char c : words) {
        if (c == ' ') {
          if (previousSpace) {
            throw new IllegalArgumentException(
                "an empty word or a leading space (expected: words separated by single spaces)");
          }
          count++;
          previousSpace = true;
        } else if (c >= 'a' && c <= 'z') {
          previousSpace = false;
        } else {
          throw new IllegalArgumentException(
              "a character other than a-z or space (expected: lower-case BIP-39 words)");
        }
      }
      if (previousSpace) {
        throw new IllegalArgumentException(
            "empty or ends with a space (expected: words separated by single spaces)");
      }
      if (count < 12 || count > 24 || count % 3 != 0) {
        throw new IllegalArgumentException(
            count + (count == 1 ? " word" : " words") + " (expected: 12, 15, 18, 21 or 24)");
      }
      return new Phrase(words.clone());
    }

    /** A copy of the words. */
    public char[] chars() {
      SecretBytes.check(destroyed);
      return words.clone();
    }

    @Override
    public void destroy() {
      Arrays.fill(words, '\0');
      destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
      return destroyed;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Phrase other
          && java.security.MessageDigest.isEqual(utf16(words), utf16(other.words));
    }

    @Override
    public int hashCode() {
      return Phrase.class.hashCode();
    }

    @Override
    public String toString() {
      return "Phrase[redacted]";
    }

    private static byte[] utf16(char[] chars) {
      byte[] out = new byte[chars.length * 2];
      for (int i = 0; i < chars.length; i++) {
        out[2 * i] = (byte) (chars[i] >> 8);
        out[2 * i + 1] = (byte) chars[i];
      }
      return out;
    }
  }

  /**
   * A 32-byte seed ({@code secretSeed}, or an Ed25519 keyfile's {@code privateKey}): the sr25519
   * mini secret key (expanded with schnorrkel's Ed25519 expansion mode, as Substrate does), or an
   * Ed25519 RFC 8032 private key, by the key's {@link CryptoType}.
   */
  final class MiniSecret extends SecretBytes implements SecretMaterial {
    public static final int LENGTH = 32;

    private MiniSecret(byte[] bytes) {
      super(bytes);
    }

    /** A copy of 32 bytes; another length is an {@link IllegalArgumentException}. */
    public static MiniSecret of(byte[] bytes) {
      return new MiniSecret(copyOfLength("mini secret", bytes, LENGTH));
    }

    @Override
    public String toString() {
      return "MiniSecret[redacted]";
    }
  }

  /**
   * A 64-byte sr25519 secret key ({@code privateKey} of an sr25519 keyfile): schnorrkel's {@code
   * SecretKey::to_bytes}, the 32-byte secret scalar followed by the 32-byte signing nonce, as
   * Substrate's {@code sr25519::Pair::to_raw_vec} writes it.
   */
  final class ExpandedSecret extends SecretBytes implements SecretMaterial {
    public static final int LENGTH = 64;

    private ExpandedSecret(byte[] bytes) {
      super(bytes);
    }

    /** A copy of 64 bytes; another length is an {@link IllegalArgumentException}. */
    public static ExpandedSecret of(byte[] bytes) {
      return new ExpandedSecret(copyOfLength("expanded secret", bytes, LENGTH));
    }

    @Override
    public String toString() {
      return "ExpandedSecret[redacted]";
    }
  }
}
