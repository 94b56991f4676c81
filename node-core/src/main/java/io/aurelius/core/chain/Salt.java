package io.aurelius.core.chain;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/** The salt of a weight commit: u16 values, as Subtensor's {@code Vec<u16>} salt. */
public record Salt(List<Integer> values) {
  public static final int MAX_LENGTH = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  public Salt {
    values = List.copyOf(values);
    if (values.isEmpty()) {
      throw new IllegalArgumentException("salt: empty (expected: 1.." + MAX_LENGTH + " values)");
    }
    Weights.checkU16List("salt", values, MAX_LENGTH);
  }

  /** Eight random u16 values (128 bits), as the Bittensor SDK uses. */
  public static Salt random() {
    List<Integer> values = new ArrayList<>(8);
    for (int i = 0; i < 8; i++) {
      values.add(RANDOM.nextInt(65536));
    }
    return new Salt(values);
  }
}
