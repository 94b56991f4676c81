package io.aurelius.core.crypto.sr25519;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The unrolled permutation against the loop form, written step by step as FIPS 202 §3.2 gives θ, ρ,
 * π, χ and ι. (The Merlin and sr25519 vectors pin both through STROBE as well.)
 */
class KeccakF1600Test {
  private static final long[] ROUND_CONSTANTS = {
    0x0000000000000001L, 0x0000000000008082L, 0x800000000000808aL, 0x8000000080008000L,
    0x000000000000808bL, 0x0000000080000001L, 0x8000000080008081L, 0x8000000000008009L,
    0x000000000000008aL, 0x0000000000000088L, 0x0000000080008009L, 0x000000008000000aL,
    0x000000008000808bL, 0x800000000000008bL, 0x8000000000008089L, 0x8000000000008003L,
    0x8000000000008002L, 0x8000000000000080L, 0x000000000000800aL, 0x800000008000000aL,
    0x8000000080008081L, 0x8000000000008080L, 0x0000000080000001L, 0x8000000080008008L
  };

  // FIPS 202 §3.2.2, ρ step: rotation offsets by lane index x + 5y.
  private static final int[] ROTATIONS = {
    0, 1, 62, 28, 27, 36, 44, 6, 55, 20, 3, 10, 43, 25, 39, 41, 45, 15, 21, 8, 18, 2, 61, 56, 14
  };

  @Test
  void theUnrolledRoundsAreTheSpecificationsRounds() {
    Random random = new Random(20261205);
    for (int trial = 0; trial < 200; trial++) {
      long[] lanes = new long[25];
      if (trial > 0) { // the zero state first
        for (int i = 0; i < 25; i++) {
          lanes[i] = random.nextLong();
        }
      }
      long[] expected = lanes.clone();
      loopForm(expected);
      KeccakF1600.permute(lanes);
      assertThat(lanes).as("trial " + trial).isEqualTo(expected);
    }
  }

  @Test
  void bytesAreLittleEndianLanes() {
    byte[] state = new byte[KeccakF1600.STATE_BYTES];
    long[] lanes = new long[25];
    Random random = new Random(7);
    random.nextBytes(state);
    for (int i = 0; i < 25; i++) {
      for (int b = 7; b >= 0; b--) {
        lanes[i] = (lanes[i] << 8) | (state[8 * i + b] & 0xffL);
      }
    }
    KeccakF1600.permute(state);
    loopForm(lanes);
    for (int i = 0; i < 25; i++) {
      for (int b = 0; b < 8; b++) {
        assertThat(state[8 * i + b]).isEqualTo((byte) (lanes[i] >>> (8 * b)));
      }
    }
  }

  private static void loopForm(long[] a) {
    long[] c = new long[5];
    long[] b = new long[25];
    for (int round = 0; round < 24; round++) {
      for (int x = 0; x < 5; x++) {
        c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
      }
      for (int x = 0; x < 5; x++) {
        long d = c[(x + 4) % 5] ^ Long.rotateLeft(c[(x + 1) % 5], 1);
        for (int y = 0; y < 25; y += 5) {
          a[x + y] ^= d;
        }
      }
      for (int x = 0; x < 5; x++) {
        for (int y = 0; y < 5; y++) {
          b[y + 5 * ((2 * x + 3 * y) % 5)] = Long.rotateLeft(a[x + 5 * y], ROTATIONS[x + 5 * y]);
        }
      }
      for (int y = 0; y < 25; y += 5) {
        for (int x = 0; x < 5; x++) {
          a[x + y] = b[x + y] ^ (~b[(x + 1) % 5 + y] & b[(x + 2) % 5 + y]);
        }
      }
      a[0] ^= ROUND_CONSTANTS[round];
    }
  }
}
