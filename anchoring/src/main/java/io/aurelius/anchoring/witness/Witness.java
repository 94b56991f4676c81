package io.aurelius.anchoring.witness;

import static java.util.Objects.requireNonNull;

import io.aurelius.anchoring.merkle.InvalidProofException;
import io.aurelius.anchoring.merkle.MerkleHasher;
import io.aurelius.anchoring.merkle.MerkleVerifier;
import io.aurelius.anchoring.note.Checkpoint;
import io.aurelius.anchoring.note.MalformedNoteException;
import io.aurelius.anchoring.note.NoteSigner;
import io.aurelius.anchoring.note.SignedNote;
import io.aurelius.anchoring.note.VerifierKey;
import io.aurelius.anchoring.witness.WitnessRefusedException.Reason;
import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A witness as C2SP tlog-witness defines one: it cosigns (tlog-cosignature/v1) a checkpoint only if
 * it is consistent with the largest checkpoint of that origin it cosigned before, and records the
 * new one before it answers. A smaller checkpoint is a rollback, the same size with another root or
 * a larger one whose consistency proof does not verify a fork; both are refused and change nothing.
 * The first checkpoint of an origin is taken as given (no previous state). Thread-safe: checks and
 * records are serialised, so two requests cannot both advance from the same state.
 */
public final class Witness {
  /** Where the consistency proof comes from: the request, or the witness's own replica. */
  @FunctionalInterface
  public interface ProofSource {
    /** A proof from {@code oldSize} to {@code newSize}, if one can be had. */
    Optional<ConsistencyProof> proof(long oldSize, long newSize) throws IOException;

    /** The proof a requester sent, whatever size the witness asks from. */
    static ProofSource given(ConsistencyProof proof) {
      requireNonNull(proof, "proof");
      return (oldSize, newSize) -> Optional.of(proof);
    }

    /** No proof: only a checkpoint that needs none (first, or the same one again) is cosigned. */
    static ProofSource none() {
      return (oldSize, newSize) -> Optional.empty();
    }
  }

  private final CosignedCheckpoints state;
  private final NoteSigner signer;
  private final Clock clock;
  private final MerkleVerifier verifier = new MerkleVerifier(new MerkleHasher());

  /**
   * @param signer signs cosignatures under the witness's name (for a validator, its hotkey address)
   */
  public Witness(CosignedCheckpoints state, NoteSigner signer, Clock clock) {
    this.state = requireNonNull(state, "state");
    this.signer = requireNonNull(signer, "signer");
    this.clock = requireNonNull(clock, "clock");
  }

  /** The witness's verifier key (type 04), as a verifier of its cosignatures names it. */
  public VerifierKey key() {
    return signer.cosignerKey();
  }

  /** The largest checkpoint of {@code origin} this witness has cosigned, if any. */
  public Optional<Checkpoint> latest(String origin) throws IOException {
    return state.latest(origin);
  }

  /**
   * Cosigns the checkpoint {@code text} if it is consistent with the largest cosigned checkpoint of
   * its origin, then records it; answers the checkpoint with the one cosignature line.
   *
   * @throws WitnessRefusedException a rollback, a fork, or no proof that verifies; nothing changed
   * @throws IOException the state cannot be read or written; nothing was cosigned
   */
  public synchronized SignedNote cosign(String text, ProofSource proofs)
      throws WitnessRefusedException, IOException {
    requireNonNull(text, "text");
    requireNonNull(proofs, "proofs");
    Checkpoint next;
    try {
      next = Checkpoint.parse(text);
    } catch (MalformedNoteException | IllegalArgumentException e) {
      throw new WitnessRefusedException(Reason.MALFORMED, "checkpoint: " + e.getMessage());
    }
    Optional<Checkpoint> cosigned = state.latest(next.origin());
    if (cosigned.isEmpty() || cosigned.get().size() != next.size()) {
      if (cosigned.isPresent()) {
        checkExtends(cosigned.get(), next, proofs);
      }
      state.record(next);
    } else if (!Arrays.equals(cosigned.get().root(), next.root())) {
      throw new WitnessRefusedException(
          Reason.FORK,
          "fork: "
              + describe(next)
              + " has another root than "
              + describe(cosigned.get())
              + ", which this witness cosigned");
    }
    return new SignedNote(text, List.of(signer.cosign(text, clock.instant().getEpochSecond())));
  }

  private void checkExtends(Checkpoint old, Checkpoint next, ProofSource proofs)
      throws WitnessRefusedException, IOException {
    if (next.size() < old.size()) {
      throw new WitnessRefusedException(
          Reason.ROLLBACK,
          "rollback: "
              + describe(next)
              + " is smaller than "
              + describe(old)
              + ", which this witness cosigned");
    }
    if (old.size() == 0) {
      return; // the empty tree is a prefix of every tree
    }
    Optional<ConsistencyProof> proof = proofs.proof(old.size(), next.size());
    if (proof.isEmpty()) {
      throw new WitnessRefusedException(
          Reason.NO_PROOF,
          "no consistency proof from "
              + describe(old)
              + " to "
              + describe(next)
              + " (expected: one from the requester, or a replica holding size "
              + next.size()
              + ")");
    }
    if (proof.get().oldSize() != old.size()) {
      throw new WitnessRefusedException(
          Reason.OLD_SIZE,
          "consistency proof from size "
              + proof.get().oldSize()
              + " (expected: "
              + old.size()
              + ", the size this witness cosigned)");
    }
    try {
      verifier.verifyConsistency(
          old.size(), next.size(), old.root(), next.root(), proof.get().hashes());
    } catch (InvalidProofException e) {
      throw new WitnessRefusedException(
          Reason.INCONSISTENT,
          "fork or bad proof: "
              + describe(next)
              + " is not shown consistent with "
              + describe(old)
              + ", which this witness cosigned: "
              + e.getMessage());
    }
  }

  private static String describe(Checkpoint c) {
    return "checkpoint " + c.origin() + " " + c.size() + " " + c.rootBase64();
  }
}
