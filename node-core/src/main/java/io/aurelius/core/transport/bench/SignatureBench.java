package io.aurelius.core.transport.bench;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.crypto.Signer;
import io.aurelius.core.crypto.Sr25519KeyPair;
import io.aurelius.core.crypto.Verifier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * Single-thread sign and verify rates of each {@link KeyScheme} over a request-sized message, each
 * measured after a warm-up of its own, all in one run so the schemes compare like with like. Keys
 * come through {@link Signer} and verification through the scheme's one {@link Verifier}, the same
 * path the protocol takes.
 */
public final class SignatureBench {
  /** A request's signing message: timestamp, two addresses, a UUID and a body hash. */
  private static final byte[] MESSAGE =
      ("1700000000000000000."
              + "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY."
              + "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty."
              + "3f2b8c1e-0d4a-4b6e-9c1f-2a7d5e8b9c00."
              + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
          .getBytes(StandardCharsets.UTF_8);

  /** The figures of one scheme, in operations per second on one thread. */
  public record Figures(KeyScheme scheme, double signsPerSecond, double verifiesPerSecond) {
    public Figures {
      requireNonNull(scheme, "scheme");
    }

    /** Two lines: sign, then verify, each in µs per operation and operations per second. */
    public List<String> lines() {
      return List.of(line("sign", signsPerSecond), line("verify", verifiesPerSecond));
    }

    private String line(String operation, double rate) {
      return String.format(
          Locale.ROOT,
          "%-21s %,10.0f /s  %8.1f µs  (one thread, same run)",
          scheme.wireName() + " " + operation,
          rate,
          rate == 0 ? 0 : 1e6 / rate);
    }
  }

  private SignatureBench() {}

  /** Every scheme's figures, each operation warmed up and then measured for {@code window}. */
  public static List<Figures> measureAll(Duration window) {
    List<Figures> figures = new ArrayList<>();
    for (KeyScheme scheme : KeyScheme.values()) {
      figures.add(measure(scheme, window));
    }
    return figures;
  }

  /** One scheme's sign and verify rates. */
  public static Figures measure(KeyScheme scheme, Duration window) {
    requireNonNull(scheme, "scheme");
    checkWindow(window);
    Signer key = generate(scheme);
    double signs = rate(() -> key.sign(MESSAGE).length == scheme.signatureLength(), window);
    return new Figures(scheme, signs, verifyRate(key, window));
  }

  /** Single-thread verifications per second under a fresh key of {@code scheme}. */
  public static double verifyRate(KeyScheme scheme, Duration window) {
    requireNonNull(scheme, "scheme");
    checkWindow(window);
    return verifyRate(generate(scheme), window);
  }

  /** A fresh key of {@code scheme}. */
  static Signer generate(KeyScheme scheme) {
    return switch (scheme) {
      case ED25519 -> Ed25519KeyPair.generate();
      case SR25519 -> Sr25519KeyPair.generate();
    };
  }

  private static double verifyRate(Signer key, Duration window) {
    Verifier verifier = key.scheme().verifier();
    byte[] publicKey = key.publicKey().bytes();
    byte[] signature = key.sign(MESSAGE);
    return rate(() -> verifier.verify(publicKey, MESSAGE, signature), window);
  }

  /**
   * Runs {@code op} for up to half the window (at most 1 s) to warm it up, then counts it for the
   * window; every call must return true.
   */
  private static double rate(BooleanSupplier op, Duration window) {
    long warmEnd = System.nanoTime() + Math.min(window.toNanos() / 2, 1_000_000_000L);
    while (System.nanoTime() < warmEnd) {
      check(op.getAsBoolean());
    }
    long begin = System.nanoTime();
    long end = begin + window.toNanos();
    long count = 0;
    long now;
    do {
      for (int i = 0; i < 16; i++) {
        check(op.getAsBoolean());
      }
      count += 16;
      now = System.nanoTime();
    } while (now < end);
    return count / ((now - begin) / 1e9);
  }

  private static void check(boolean ok) {
    if (!ok) {
      throw new IllegalStateException("a signature failed to verify, or had the wrong length");
    }
  }

  private static void checkWindow(Duration window) {
    requireNonNull(window, "window");
    if (window.isZero() || window.isNegative()) {
      throw new IllegalArgumentException("window: " + window + " (expected: positive)");
    }
  }
}
