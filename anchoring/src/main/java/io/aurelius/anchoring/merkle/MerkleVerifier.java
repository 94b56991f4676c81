package io.aurelius.anchoring.merkle;

import static java.util.Objects.requireNonNull;

import java.security.MessageDigest;
import java.util.List;

/**
 * Verification of inclusion and consistency proofs exactly as RFC 9162 §2.1.3.2 and §2.1.4.2
 * (docs/reference.md §3). Indices and sizes are read as <em>unsigned</em> 64-bit values, so a
 * hostile index of 2^64−1 is rejected rather than wrapping negative. A failure is an {@link
 * InvalidProofException} saying what did not hold.
 */
public final class MerkleVerifier {
  private final MerkleHasher hasher;

  public MerkleVerifier(MerkleHasher hasher) {
    this.hasher = requireNonNull(hasher, "hasher");
  }

  public void verifyInclusion(
      long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root)
      throws InvalidProofException {
    requireNonNull(leafHash, "leafHash");
    requireNonNull(proof, "proof");
    requireNonNull(root, "root");
    if (Long.compareUnsigned(index, size) >= 0) {
      throw new InvalidProofException(
          "inclusion proof: leaf index "
              + Long.toUnsignedString(index)
              + " is outside a tree of size "
              + Long.toUnsignedString(size)
              + " (expected: index < size)");
    }
    int inner = 64 - Long.numberOfLeadingZeros(index ^ (size - 1));
    int border = inner == 64 ? 0 : Long.bitCount(index >>> inner); // Java shifts mod 64
    if (proof.size() != inner + border) {
      throw new InvalidProofException(
          "inclusion proof: "
              + proof.size()
              + " hashes (expected: "
              + (inner + border)
              + " for leaf "
              + Long.toUnsignedString(index)
              + " of "
              + Long.toUnsignedString(size)
              + ")");
    }
    checkHashes("inclusion proof", proof);
    checkLength("leaf hash", leafHash);
    long fn = index;
    long sn = size - 1;
    byte[] r = leafHash.clone();
    for (byte[] p : proof) {
      if (sn == 0) {
        throw new InvalidProofException("inclusion proof: longer than the path to the root");
      }
      if ((fn & 1) == 1 || fn == sn) {
        hasher.nodeHash(p, 0, r, 0, r, 0);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>>= 1;
          sn >>>= 1;
        }
      } else {
        hasher.nodeHash(r, 0, p, 0, r, 0);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    if (sn != 0) {
      throw new InvalidProofException("inclusion proof: shorter than the path to the root");
    }
    if (!MessageDigest.isEqual(r, root)) {
      throw new InvalidProofException(
          "inclusion proof: computed root does not match the expected root");
    }
  }

  public void verifyConsistency(
      long size1, long size2, byte[] root1, byte[] root2, List<byte[]> proof)
      throws InvalidProofException {
    requireNonNull(root1, "root1");
    requireNonNull(root2, "root2");
    requireNonNull(proof, "proof");
    if (Long.compareUnsigned(size1, size2) > 0) {
      throw new InvalidProofException(
          "consistency proof: size1 "
              + Long.toUnsignedString(size1)
              + " exceeds size2 "
              + Long.toUnsignedString(size2)
              + " (expected: size1 ≤ size2)");
    }
    if (size1 == 0) {
      throw new InvalidProofException(
          "consistency proof: size1 is 0 (expected: a non-empty older tree)");
    }
    if (size1 == size2) {
      if (!proof.isEmpty()) {
        throw new InvalidProofException(
            "consistency proof: " + proof.size() + " hashes for equal sizes (expected: none)");
      }
      if (!MessageDigest.isEqual(root1, root2)) {
        throw new InvalidProofException("consistency proof: equal sizes but different roots");
      }
      return;
    }
    if (proof.isEmpty()) {
      throw new InvalidProofException(
          "consistency proof: empty (expected: hashes for "
              + Long.toUnsignedString(size1)
              + " → "
              + Long.toUnsignedString(size2)
              + ")");
    }
    int inner = 64 - Long.numberOfLeadingZeros((size1 - 1) ^ (size2 - 1));
    int shift = Long.numberOfTrailingZeros(size1);
    int border = inner == 64 ? 0 : Long.bitCount((size1 - 1) >>> inner);
    int expected = inner - shift + border + (Long.bitCount(size1) == 1 ? 0 : 1);
    if (proof.size() != expected) {
      throw new InvalidProofException(
          "consistency proof: "
              + proof.size()
              + " hashes (expected: "
              + expected
              + " for "
              + Long.toUnsignedString(size1)
              + " → "
              + Long.toUnsignedString(size2)
              + ")");
    }
    checkHashes("consistency proof", proof);
    int start = 0;
    byte[] seed;
    if (Long.bitCount(size1) == 1) {
      checkLength("root1", root1);
      seed = root1;
    } else {
      seed = proof.get(0);
      start = 1;
    }
    long fn = size1 - 1;
    long sn = size2 - 1;
    while ((fn & 1) == 1) {
      fn >>>= 1;
      sn >>>= 1;
    }
    byte[] fr = seed.clone();
    byte[] sr = seed.clone();
    for (int i = start; i < proof.size(); i++) {
      byte[] c = proof.get(i);
      if (sn == 0) {
        throw new InvalidProofException("consistency proof: longer than the path to the root");
      }
      if ((fn & 1) == 1 || fn == sn) {
        hasher.nodeHash(c, 0, fr, 0, fr, 0);
        hasher.nodeHash(c, 0, sr, 0, sr, 0);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>>= 1;
          sn >>>= 1;
        }
      } else {
        hasher.nodeHash(sr, 0, c, 0, sr, 0);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    if (sn != 0) {
      throw new InvalidProofException("consistency proof: shorter than the path to the root");
    }
    if (!MessageDigest.isEqual(fr, root1)) {
      throw new InvalidProofException("consistency proof: does not lead to the older root");
    }
    if (!MessageDigest.isEqual(sr, root2)) {
      throw new InvalidProofException("consistency proof: does not lead to the newer root");
    }
  }

  private static void checkHashes(String what, List<byte[]> hashes) throws InvalidProofException {
    for (int i = 0; i < hashes.size(); i++) {
      byte[] h = hashes.get(i);
      if (h == null || h.length != MerkleHasher.HASH_LENGTH) {
        throw new InvalidProofException(
            what
                + ": hash "
                + i
                + " is "
                + (h == null ? "missing" : h.length + " bytes")
                + " (expected: "
                + MerkleHasher.HASH_LENGTH
                + ")");
      }
    }
  }

  private static void checkLength(String what, byte[] hash) throws InvalidProofException {
    if (hash.length != MerkleHasher.HASH_LENGTH) {
      throw new InvalidProofException(
          what + ": " + hash.length + " bytes (expected: " + MerkleHasher.HASH_LENGTH + ")");
    }
  }
}
