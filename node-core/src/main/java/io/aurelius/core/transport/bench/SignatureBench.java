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
 * measured after a warm-up of its own, all in one run and in turns so the schemes compare like with
 * like. Keys come through {@link Signer} and verification through the scheme's one {@link
 * Verifier}, the same path the protocol takes.
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
          "%-21s %,10.0f /s  %8.1f µs  (one thread, same run, best of " + ROUNDS + ")",
          scheme.wireName() + " " + operation,
          rate,
          rate == 0 ? 0 : 1e6 / rate);
    }
  }

  /** Rounds of {@link #measureAll}; each operation keeps its best. */
  static final int ROUNDS = 3;

  private SignatureBench() {}

  /**
   * Every scheme's figures. Each operation is warmed up, then all are measured in turn, {@link
   * #ROUNDS} times over, for a {@code window} each in all, and each keeps its best round: on a
   * shared machine whose load drifts, no scheme is measured only in a bad moment.
   */
  public static List<Figures> measureAll(Duration window) {
    checkWindow(window);
    KeyScheme[] schemes = KeyScheme.values();
    List<BooleanSupplier> ops = new ArrayList<>();
    for (KeyScheme scheme : schemes) {
      Signer key = generate(scheme);
      ops.add(signing(key));
      ops.add(verifying(key));
    }
    for (BooleanSupplier op : ops) {
      warmUp(op, window);
    }
    double[] best = new double[ops.size()];
    Duration round = window.dividedBy(ROUNDS);
    for (int r = 0; r < ROUNDS; r++) {
      for (int i = 0; i < ops.size(); i++) {
        best[i] = Math.max(best[i], count(ops.get(i), round));
      }
    }
    List<Figures> figures = new ArrayList<>();
    for (int s = 0; s < schemes.length; s++) {
      figures.add(new Figures(schemes[s], best[2 * s], best[2 * s + 1]));
    }
    return figures;
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
    return rate(verifying(key), window);
  }

  private static BooleanSupplier signing(Signer key) {
    int length = key.scheme().signatureLength();
    return () -> key.sign(MESSAGE).length == length;
  }

  private static BooleanSupplier verifying(Signer key) {
    Verifier verifier = key.scheme().verifier();
    byte[] publicKey = key.publicKey().bytes();
    byte[] signature = key.sign(MESSAGE);
    return () -> verifier.verify(publicKey, MESSAGE, signature);
  }

  private static double rate(BooleanSupplier op, Duration window) {
    warmUp(op, window);
    return count(op, window);
  }

  /** Runs {@code op} for half the window, at most 1 s. */
  private static void warmUp(BooleanSupplier op, Duration window) {
    long warmEnd = System.nanoTime() + Math.min(window.toNanos() / 2, 1_000_000_000L);
    while (System.nanoTime() < warmEnd) {
      check(op.getAsBoolean());
    }
  }

  /** Calls of {@code op} per second over {@code window}; every call must return true. */
  private static double count(BooleanSupplier op, Duration window) {
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
