package io.aurelius.core.crypto.sr25519;

import cafe.cryptography.curve25519.RistrettoElement;
import cafe.cryptography.curve25519.RistrettoGeneratorTable;
import cafe.cryptography.curve25519.Scalar;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A bounded, least-recently-used cache of decoded public keys for verification, keyed by their 32
 * bytes. A node verifies the same few hundred hotkeys over and over, and most of an uncached verify
 * is spent on the variable-base product k·A: a key's second verification builds a fixed-base table
 * of −A (about 2 ms and 60 KB), after which k·A costs what s·B does.
 *
 * <p>Only canonical, non-identity encodings (those {@link Sr25519#decode} accepts) are cached, so
 * the cache holds no failures and malformed keys never take a place in it. The cache changes no
 * outcome: an entry is a pure function of its key's bytes. Verification handles only public data,
 * so the tables' speed matters and their constant time does not; signing keeps its own
 * constant-time path.
 */
final class VerifyingPoints {
  /** Enough for a subnet's 256 UIDs; 256 tables are about 16 MB. */
  static final int DEFAULT_CAPACITY = 256;

  /** Verifications of one key before its table is worth building. */
  static final int TABLE_AFTER = 2;

  /** A decoded key; its table of −A is built on its {@link #TABLE_AFTER}th use. */
  static final class Point {
    private final RistrettoElement point;
    private int uses;
    private volatile RistrettoGeneratorTable negated;

    private Point(RistrettoElement point) {
      this.point = point;
    }

    RistrettoElement point() {
      return point;
    }

    /** −k·A. */
    RistrettoElement negatedMultiple(Scalar k) {
      RistrettoGeneratorTable table = negated;
      if (table == null) {
        boolean build;
        synchronized (this) {
          build = ++uses >= TABLE_AFTER;
        }
        if (!build) {
          return point.multiply(k).negate();
        }
        // Two threads may both build it; both tables are the same, and one is kept.
        table = new RistrettoGeneratorTable(point.negate());
        negated = table;
      }
      return table.multiply(k);
    }

    boolean hasTable() {
      return negated != null;
    }
  }

  private record Key(byte[] bytes) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }
  }

  private final int capacity;
  private final Map<Key, Point> entries;

  VerifyingPoints(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity: " + capacity + " (expected: >= 1)");
    }
    this.capacity = capacity;
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Key, Point> eldest) {
            return size() > VerifyingPoints.this.capacity;
          }
        };
  }

  /**
   * The decoded point of {@code encoded}, from the cache or decoded now; empty exactly when {@link
   * Sr25519#decode} is.
   */
  Optional<Point> get(byte[] encoded) {
    if (encoded == null || encoded.length != Sr25519.PUBLIC_KEY_LENGTH) {
      return Optional.empty();
    }
    Key key = new Key(encoded.clone());
    synchronized (entries) {
      Point cached = entries.get(key);
      if (cached != null) {
        return Optional.of(cached);
      }
    }
    // Decoded outside the lock; a race decodes twice and keeps one of two equal points.
    Optional<Point> decoded = Sr25519.decode(key.bytes()).map(Point::new);
    decoded.ifPresent(
        p -> {
          synchronized (entries) {
            entries.putIfAbsent(key, p);
          }
        });
    return decoded;
  }

  int size() {
    synchronized (entries) {
      return entries.size();
    }
  }

  void clear() {
    synchronized (entries) {
      entries.clear();
    }
  }
}
