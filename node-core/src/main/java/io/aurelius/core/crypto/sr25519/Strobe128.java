package io.aurelius.core.crypto.sr25519;

import java.nio.charset.StandardCharsets;

/**
 * The subset of STROBE-128 (strobe.sourceforge.io, v1.0.2) that Merlin uses: meta-AD, AD, PRF and
 * KEY, following dalek-cryptography/merlin {@code src/strobe.rs}. Mutable, not thread-safe.
 */
final class Strobe128 {
  /** The rate in bytes: 200 − 2·(128/8) − 2 (STROBE §5.1, with two bytes for padding). */
  private static final int RATE = 166;

  private static final int FLAG_I = 1;
  private static final int FLAG_A = 1 << 1;
  private static final int FLAG_C = 1 << 2;
  private static final int FLAG_M = 1 << 4;

  private final byte[] state;
  private int pos;
  private int posBegin;
  private int curFlags;

  Strobe128(byte[] protocolLabel) {
    state = new byte[KeccakF1600.STATE_BYTES];
    // STROBE §5.1 initial state: [1, R+2, 1, 0, 1, 12·8] ‖ "STROBEv1.0.2", then F.
    byte[] init = {1, (byte) (RATE + 2), 1, 0, 1, 96};
    System.arraycopy(init, 0, state, 0, init.length);
    byte[] version = "STROBEv1.0.2".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(version, 0, state, init.length, version.length);
    KeccakF1600.permute(state);
    metaAd(protocolLabel, false);
  }

  private Strobe128(Strobe128 other) {
    state = other.state.clone();
    pos = other.pos;
    posBegin = other.posBegin;
    curFlags = other.curFlags;
  }

  Strobe128 copy() {
    return new Strobe128(this);
  }

  void metaAd(byte[] data, boolean more) {
    beginOp(FLAG_M | FLAG_A, more);
    absorb(data);
  }

  void ad(byte[] data, boolean more) {
    beginOp(FLAG_A, more);
    absorb(data);
  }

  void prf(byte[] out, boolean more) {
    beginOp(FLAG_I | FLAG_A | FLAG_C, more);
    squeeze(out);
  }

  void key(byte[] data, boolean more) {
    beginOp(FLAG_A | FLAG_C, more);
    overwrite(data);
  }

  /** Wipes the state; the object is useless afterwards. */
  void destroy() {
    java.util.Arrays.fill(state, (byte) 0);
  }

  private void runF() {
    state[pos] ^= (byte) posBegin;
    state[pos + 1] ^= 0x04;
    state[RATE + 1] ^= (byte) 0x80;
    KeccakF1600.permute(state);
    pos = 0;
    posBegin = 0;
  }

  private void absorb(byte[] data) {
    for (byte b : data) {
      state[pos++] ^= b;
      if (pos == RATE) {
        runF();
      }
    }
  }

  private void overwrite(byte[] data) {
    for (byte b : data) {
      state[pos++] = b;
      if (pos == RATE) {
        runF();
      }
    }
  }

  private void squeeze(byte[] out) {
    for (int i = 0; i < out.length; i++) {
      out[i] = state[pos];
      state[pos++] = 0;
      if (pos == RATE) {
        runF();
      }
    }
  }

  private void beginOp(int flags, boolean more) {
    if (more) {
      if (curFlags != flags) {
        throw new IllegalStateException("STROBE: continued an operation with other flags");
      }
      return;
    }
    int oldBegin = posBegin;
    posBegin = pos + 1;
    curFlags = flags;
    absorb(new byte[] {(byte) oldBegin, (byte) flags});
    // C operations start on a fresh block (STROBE §6.2, forced F).
    if ((flags & FLAG_C) != 0 && pos != 0) {
      runF();
    }
  }
}
