package io.aurelius.core.crypto.sr25519;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * BIP39 English mnemonics as Substrate reads them (paritytech/substrate-bip39): the phrase is
 * decoded to its entropy (checksum checked), and the mini secret is the first 32 bytes of
 * PBKDF2-HMAC-SHA512 over the <em>entropy</em>, not the phrase as in BIP39, with salt {@code
 * "mnemonic" + password} and 2048 rounds. The word list is BIP39's {@code english.txt}.
 */
public final class SubstrateMnemonic {
  private static final String WORD_LIST = "bip39-english.txt";
  private static final List<String> WORDS = loadWords();
  private static final Map<String, Integer> INDEX = indexOf(WORDS);

  private SubstrateMnemonic() {}

  /** The mini secret of {@code phrase} with {@code password} (empty for none). */
  public static byte[] miniSecret(String phrase, String password) {
    requireNonNull(password, "password");
    byte[] entropy = entropy(phrase);
    try {
      PKCS5S2ParametersGenerator pbkdf2 = new PKCS5S2ParametersGenerator(new SHA512Digest());
      pbkdf2.init(entropy, ("mnemonic" + password).getBytes(StandardCharsets.UTF_8), 2048);
      byte[] seed = ((KeyParameter) pbkdf2.generateDerivedParameters(512)).getKey();
      byte[] mini = Arrays.copyOf(seed, Sr25519.MINI_SECRET_LENGTH);
      Arrays.fill(seed, (byte) 0);
      return mini;
    } finally {
      Arrays.fill(entropy, (byte) 0);
    }
  }

  /**
   * The entropy a phrase of 12, 15, 18, 21 or 24 words encodes. An unknown word, a wrong word count
   * or a checksum mismatch is an {@link IllegalArgumentException} that does not repeat the phrase.
   */
  public static byte[] entropy(String phrase) {
    requireNonNull(phrase, "phrase");
    String normalized = Normalizer.normalize(phrase, Normalizer.Form.NFKD).strip();
    String[] words = normalized.isEmpty() ? new String[0] : normalized.split("\\s+");
    if (words.length % 3 != 0 || words.length < 12 || words.length > 24) {
      throw new IllegalArgumentException(
          "mnemonic: " + words.length + " words (expected: 12, 15, 18, 21 or 24)");
    }
    int bits = words.length * 11;
    int checksumBits = bits / 33;
    byte[] all = new byte[(bits + 7) / 8];
    for (int w = 0; w < words.length; w++) {
      Integer index = INDEX.get(words[w]);
      if (index == null) {
        throw new IllegalArgumentException(
            "mnemonic: word " + (w + 1) + " is not in the BIP39 English list");
      }
      for (int b = 0; b < 11; b++) {
        if ((index >>> (10 - b) & 1) != 0) {
          int bit = w * 11 + b;
          all[bit / 8] |= (byte) (0x80 >>> (bit % 8));
        }
      }
    }
    byte[] entropy = Arrays.copyOf(all, (bits - checksumBits) / 8);
    byte[] hash = sha256(entropy);
    int expected = (hash[0] & 0xff) >>> (8 - checksumBits);
    int actual = (all[entropy.length] & 0xff) >>> (8 - checksumBits);
    Arrays.fill(all, (byte) 0);
    if (expected != actual) {
      Arrays.fill(entropy, (byte) 0);
      throw new IllegalArgumentException(
          "mnemonic: checksum mismatch (expected: a phrase as" + " written down, words in order)");
    }
    return entropy;
  }

  /** The phrase of {@code entropy} (16, 20, 24, 28 or 32 bytes). */
  public static String phrase(byte[] entropy) {
    requireNonNull(entropy, "entropy");
    if (entropy.length % 4 != 0 || entropy.length < 16 || entropy.length > 32) {
      throw new IllegalArgumentException(
          "mnemonic entropy: " + entropy.length + " bytes (expected: 16, 20, 24, 28 or 32)");
    }
    int checksumBits = entropy.length / 4;
    byte[] all = Arrays.copyOf(entropy, entropy.length + 1);
    all[entropy.length] = sha256(entropy)[0];
    int count = (entropy.length * 8 + checksumBits) / 11;
    List<String> out = new ArrayList<>(count);
    for (int w = 0; w < count; w++) {
      int index = 0;
      for (int b = 0; b < 11; b++) {
        int bit = w * 11 + b;
        index = (index << 1) | ((all[bit / 8] >>> (7 - bit % 8)) & 1);
      }
      out.add(WORDS.get(index));
    }
    Arrays.fill(all, (byte) 0);
    return String.join(" ", out);
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JDK", e);
    }
  }

  private static List<String> loadWords() {
    try (InputStream in = SubstrateMnemonic.class.getResourceAsStream(WORD_LIST)) {
      if (in == null) {
        throw new IllegalStateException("resource " + WORD_LIST + " is missing");
      }
      List<String> words =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
      if (words.size() != 2048) {
        throw new IllegalStateException(WORD_LIST + ": " + words.size() + " words (expected 2048)");
      }
      return words;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Integer> indexOf(List<String> words) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < words.size(); i++) {
      index.put(words.get(i), i);
    }
    return Map.copyOf(index);
  }
}
