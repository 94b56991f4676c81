package io.aurelius.core.crypto.sr25519;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The Keccak-f[1600] permutation (FIPS 202 §3.3) over a 200-byte state whose lanes are
 * little-endian 64-bit words, as STROBE uses it. BouncyCastle exposes Keccak only as digests, not
 * the bare permutation.
 *
 * <p>The rounds are written out over 25 local lanes rather than as loops over arrays: every
 * transcript runs the permutation four or five times, and in loop form it was a tenth of an sr25519
 * verify. {@code KeccakF1600Test} checks this form against the loop form, step by step as FIPS 202
 * writes it.
 */
final class KeccakF1600 {
  static final int STATE_BYTES = 200;

  // FIPS 202 §3.2.5, ι step: the round constants RC[i] for the 24 rounds.
  private static final long[] ROUND_CONSTANTS = {
    0x0000000000000001L, 0x0000000000008082L, 0x800000000000808aL, 0x8000000080008000L,
    0x000000000000808bL, 0x0000000080000001L, 0x8000000080008081L, 0x8000000000008009L,
    0x000000000000008aL, 0x0000000000000088L, 0x0000000080008009L, 0x000000008000000aL,
    0x000000008000808bL, 0x800000000000008bL, 0x8000000000008089L, 0x8000000000008003L,
    0x8000000000008002L, 0x8000000000000080L, 0x000000000000800aL, 0x800000008000000aL,
    0x8000000080008081L, 0x8000000000008080L, 0x0000000080000001L, 0x8000000080008008L
  };

  private static final VarHandle LANE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private KeccakF1600() {}

  /** Applies the permutation to {@code state} (200 bytes) in place. */
  static void permute(byte[] state) {
    long[] lanes = new long[25];
    for (int i = 0; i < 25; i++) {
      lanes[i] = (long) LANE.get(state, 8 * i);
    }
    permute(lanes);
    for (int i = 0; i < 25; i++) {
      LANE.set(state, 8 * i, lanes[i]);
    }
  }

  /** The permutation of 25 lanes, lane (x, y) at index x + 5y. */
  static void permute(long[] lanes) {
    long a00 = lanes[0];
    long a01 = lanes[1];
    long a02 = lanes[2];
    long a03 = lanes[3];
    long a04 = lanes[4];
    long a05 = lanes[5];
    long a06 = lanes[6];
    long a07 = lanes[7];
    long a08 = lanes[8];
    long a09 = lanes[9];
    long a10 = lanes[10];
    long a11 = lanes[11];
    long a12 = lanes[12];
    long a13 = lanes[13];
    long a14 = lanes[14];
    long a15 = lanes[15];
    long a16 = lanes[16];
    long a17 = lanes[17];
    long a18 = lanes[18];
    long a19 = lanes[19];
    long a20 = lanes[20];
    long a21 = lanes[21];
    long a22 = lanes[22];
    long a23 = lanes[23];
    long a24 = lanes[24];
    for (int round = 0; round < 24; round++) {
      // θ
      long c0 = a00 ^ a05 ^ a10 ^ a15 ^ a20;
      long c1 = a01 ^ a06 ^ a11 ^ a16 ^ a21;
      long c2 = a02 ^ a07 ^ a12 ^ a17 ^ a22;
      long c3 = a03 ^ a08 ^ a13 ^ a18 ^ a23;
      long c4 = a04 ^ a09 ^ a14 ^ a19 ^ a24;
      long d0 = c4 ^ Long.rotateLeft(c1, 1);
      long d1 = c0 ^ Long.rotateLeft(c2, 1);
      long d2 = c1 ^ Long.rotateLeft(c3, 1);
      long d3 = c2 ^ Long.rotateLeft(c4, 1);
      long d4 = c3 ^ Long.rotateLeft(c0, 1);
      // ρ and π: B[y, 2x + 3y] = rot(A[x, y], r[x, y]) with r from FIPS 202 §3.2.2's table,
      // θ's D[x] applied on the way
      long b00 = a00 ^ d0;
      long b16 = Long.rotateLeft(a05 ^ d0, 36);
      long b07 = Long.rotateLeft(a10 ^ d0, 3);
      long b23 = Long.rotateLeft(a15 ^ d0, 41);
      long b14 = Long.rotateLeft(a20 ^ d0, 18);
      long b10 = Long.rotateLeft(a01 ^ d1, 1);
      long b01 = Long.rotateLeft(a06 ^ d1, 44);
      long b17 = Long.rotateLeft(a11 ^ d1, 10);
      long b08 = Long.rotateLeft(a16 ^ d1, 45);
      long b24 = Long.rotateLeft(a21 ^ d1, 2);
      long b20 = Long.rotateLeft(a02 ^ d2, 62);
      long b11 = Long.rotateLeft(a07 ^ d2, 6);
      long b02 = Long.rotateLeft(a12 ^ d2, 43);
      long b18 = Long.rotateLeft(a17 ^ d2, 15);
      long b09 = Long.rotateLeft(a22 ^ d2, 61);
      long b05 = Long.rotateLeft(a03 ^ d3, 28);
      long b21 = Long.rotateLeft(a08 ^ d3, 55);
      long b12 = Long.rotateLeft(a13 ^ d3, 25);
      long b03 = Long.rotateLeft(a18 ^ d3, 21);
      long b19 = Long.rotateLeft(a23 ^ d3, 56);
      long b15 = Long.rotateLeft(a04 ^ d4, 27);
      long b06 = Long.rotateLeft(a09 ^ d4, 20);
      long b22 = Long.rotateLeft(a14 ^ d4, 39);
      long b13 = Long.rotateLeft(a19 ^ d4, 8);
      long b04 = Long.rotateLeft(a24 ^ d4, 14);
      // χ
      a00 = b00 ^ (~b01 & b02);
      a01 = b01 ^ (~b02 & b03);
      a02 = b02 ^ (~b03 & b04);
      a03 = b03 ^ (~b04 & b00);
      a04 = b04 ^ (~b00 & b01);
      a05 = b05 ^ (~b06 & b07);
      a06 = b06 ^ (~b07 & b08);
      a07 = b07 ^ (~b08 & b09);
      a08 = b08 ^ (~b09 & b05);
      a09 = b09 ^ (~b05 & b06);
      a10 = b10 ^ (~b11 & b12);
      a11 = b11 ^ (~b12 & b13);
      a12 = b12 ^ (~b13 & b14);
      a13 = b13 ^ (~b14 & b10);
      a14 = b14 ^ (~b10 & b11);
      a15 = b15 ^ (~b16 & b17);
      a16 = b16 ^ (~b17 & b18);
      a17 = b17 ^ (~b18 & b19);
      a18 = b18 ^ (~b19 & b15);
      a19 = b19 ^ (~b15 & b16);
      a20 = b20 ^ (~b21 & b22);
      a21 = b21 ^ (~b22 & b23);
      a22 = b22 ^ (~b23 & b24);
      a23 = b23 ^ (~b24 & b20);
      a24 = b24 ^ (~b20 & b21);
      // ι
      a00 ^= ROUND_CONSTANTS[round];
    }
    lanes[0] = a00;
    lanes[1] = a01;
    lanes[2] = a02;
    lanes[3] = a03;
    lanes[4] = a04;
    lanes[5] = a05;
    lanes[6] = a06;
    lanes[7] = a07;
    lanes[8] = a08;
    lanes[9] = a09;
    lanes[10] = a10;
    lanes[11] = a11;
    lanes[12] = a12;
    lanes[13] = a13;
    lanes[14] = a14;
    lanes[15] = a15;
    lanes[16] = a16;
    lanes[17] = a17;
    lanes[18] = a18;
    lanes[19] = a19;
    lanes[20] = a20;
    lanes[21] = a21;
    lanes[22] = a22;
    lanes[23] = a23;
    lanes[24] = a24;
  }
}
