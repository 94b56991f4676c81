package io.aurelius.worldmodel.seed;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.hash.Sha256;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Derives independent seeds: the first 8 bytes of SHA-256 over a base seed and labels. */
public final class Seeds {
  private Seeds() {}

  public static long derive(long base, String... labels) {
    requireNonNull(labels, "labels");
    StringBuilder b = new StringBuilder().append(base);
    for (String label : labels) {
      b.append('\u0000').append(label);
    }
    return ByteBuffer.wrap(Sha256.digest(b.toString().getBytes(StandardCharsets.UTF_8))).getLong();
  }

  public static SplitMix64 random(long base, String... labels) {
    return new SplitMix64(derive(base, labels));
  }
}
