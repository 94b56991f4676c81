package io.aurelius.anchoring.corpus;

import static java.util.Objects.requireNonNull;

import io.aurelius.anchoring.log.AppendResult;
import io.aurelius.anchoring.log.LogConflictException;
import io.aurelius.anchoring.log.LogCorruptException;
import io.aurelius.anchoring.log.LogException;
import io.aurelius.anchoring.log.LogSnapshot;
import io.aurelius.anchoring.merkle.InvalidProofException;
import io.aurelius.anchoring.merkle.MerkleHasher;
import io.aurelius.anchoring.merkle.MerkleVerifier;
import io.aurelius.anchoring.note.Checkpoint;
import io.aurelius.anchoring.note.MalformedNoteException;
import io.aurelius.anchoring.note.NoteVerificationException;
import io.aurelius.anchoring.note.NoteVerifier;
import io.aurelius.anchoring.note.SignedNote;
import io.aurelius.anchoring.note.VerifierKey;
import io.aurelius.anchoring.note.WitnessQuorum;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;

/**
 * Brings a lagging replica of the corpus up to a peer's: the peer's checkpoint it catches up to
 * must be signed by the peer's log key and be the root of the peer's tiles; this replica's root
 * must be a prefix of it (an RFC 9162 consistency proof from the peer's tiles, checked against the
 * peer's <em>signed</em> root); every missing entry must hash to the leaf the peer's tiles record.
 * Only then are the entries appended here, at this replica's size, and signed with this replica's
 * own key; the new root must be the peer's signed root. A replica that diverged (another entry at
 * some index) is refused by {@link #from} and left as it is; {@link #repair} sets its divergent
 * suffix aside and catches up, against a checkpoint a witness quorum cosigned.
 */
public final class CatchUp {
  private final MerkleHasher hasher = new MerkleHasher();

  /** Appends to {@code mine} everything {@code peer} holds beyond it; see the other overload. */
  public long from(CorpusLog mine, LogSnapshot peer, VerifierKey peerLogKey) throws LogException {
    return from(mine, peer, peerLogKey, entry -> true);
  }

  /**
   * Appends to {@code mine} what {@code peer} holds beyond it, up to the largest of the peer's
   * signed checkpoints that holds only entries {@code upTo} accepts (a validator takes the epochs
   * it has finished, so the batch of an epoch it has still to anchor is not taken twice).
   *
   * @param peerLogKey the key the peer's checkpoints must be signed with
   * @return how many entries were appended (0 when {@code mine} is not behind)
   * @throws ReplicaDivergedException {@code mine} is not a prefix of the peer's signed tree
   * @throws LogException the peer's log is not what its signed checkpoint says, or this replica
   *     cannot be written
   */
  public long from(
      CorpusLog mine, LogSnapshot peer, VerifierKey peerLogKey, Predicate<CorpusEntry> upTo)
      throws LogException {
    requireNonNull(mine, "mine");
    requireNonNull(peer, "peer");
    requireNonNull(peerLogKey, "peerLogKey");
    requireNonNull(upTo, "upTo");
    LogSnapshot head = mine.head();
    String origin = head.manifest().origin();
    long size = head.size();
    List<CorpusEntry> missing = new ArrayList<>();
    for (long i = size; i < peer.size(); i++) {
      byte[] bytes = peer.entry(i);
      if (!MessageDigest.isEqual(hasher.leafHash(bytes), peer.leafHash(i))) {
        throw new LogCorruptException(
            "peer entry " + i + ": does not hash to the leaf its tiles record");
      }
      CorpusEntry entry;
      try {
        entry = CorpusEntry.parse(bytes, "peer entry " + i);
      } catch (InvalidEntryException e) {
        throw new LogCorruptException(e.getMessage());
      }
      if (!upTo.test(entry)) {
        break;
      }
      missing.add(entry);
    }
    long reach = size + missing.size();
    long target =
        peer.checkpointSizes().stream()
            .mapToLong(Long::longValue)
            .filter(s -> s > size && s <= reach)
            .max()
            .orElse(size);
    if (target == size) {
      return 0;
    }
    Checkpoint signed = signedCheckpoint(peer, peerLogKey, target);
    if (!signed.origin().equals(origin)) {
      throw new LogConflictException(
          "peer checkpoint: origin " + signed.origin() + " (expected: " + origin + ")");
    }
    if (size > 0) {
      try {
        new MerkleVerifier(hasher)
            .verifyConsistency(
                size, target, head.root(size), signed.root(), peer.consistencyProof(size, target));
      } catch (InvalidProofException e) {
        throw new ReplicaDivergedException(
            "replica diverged: this replica's checkpoint "
                + size
                + " "
                + Base64.getEncoder().encodeToString(head.root(size))
                + " is not a prefix of the peer's signed checkpoint "
                + target
                + " "
                + signed.rootBase64()
                + " of "
                + origin
                + ": "
                + e.getMessage());
      }
    }
    List<CorpusEntry> batch = missing.subList(0, (int) (target - size));
    AppendResult appended = mine.append(size, batch);
    byte[] root = mine.head().root(target);
    if (!MessageDigest.isEqual(root, signed.root())) {
      // Cannot happen after the checks above, short of a hash collision or a bug: say so loudly.
      throw new LogCorruptException(
          "after catching up to "
              + target
              + " (commit "
              + appended.abbreviatedCommit(12)
              + "): root differs from the peer's signed checkpoint");
    }
    return batch.size();
  }

  /**
   * Repairs a replica that diverged from a peer's (it appended other entries at some index, e.g. a
   * subset of an epoch's batch after missing the consensus wait). Only against a peer checkpoint
   * that a witness quorum cosigned: one peer alone cannot make a replica give up its entries. The
   * replica is rewound to its largest checkpoint that is a prefix of that signed checkpoint; the
   * entries after it are written to {@code quarantine} (one file per repair, with the diverged
   * checkpoint) and the commits stay in the repository under a {@code refs/aurelius/diverged/} ref,
   * so nothing it accepted is lost; then it catches up as {@link #from} does.
   *
   * @return what was set aside and how many entries were then appended
   * @throws ReplicaDivergedException the peer's checkpoint is not witnessed by {@code quorum}
   */
  public Repair repair(
      CorpusLog mine,
      LogSnapshot peer,
      VerifierKey peerLogKey,
      WitnessQuorum quorum,
      Predicate<CorpusEntry> upTo,
      Path quarantine)
      throws LogException {
    requireNonNull(quorum, "quorum");
    requireNonNull(quarantine, "quarantine");
    LogSnapshot head = mine.head();
    String origin = head.manifest().origin();
    long target = peer.size();
    SignedNote note = signedNote(peer, peerLogKey, target);
    Checkpoint signed = signedCheckpoint(peer, peerLogKey, target);
    if (!signed.origin().equals(origin)) {
      throw new LogConflictException(
          "peer checkpoint: origin " + signed.origin() + " (expected: " + origin + ")");
    }
    try {
      if (!quorum.assess(note).witnessed()) {
        throw new ReplicaDivergedException(
            "replica diverged at "
                + head.size()
                + ", not repaired: the peer's checkpoint "
                + target
                + " is not cosigned by a witness quorum ("
                + quorum.threshold()
                + " of "
                + quorum.totalStake()
                + " stake)");
      }
    } catch (NoteVerificationException e) {
      throw new LogCorruptException("peer checkpoint " + target + ": " + e.getMessage());
    }
    long prefix = 0;
    List<Long> sizes = new ArrayList<>(head.checkpointSizes());
    java.util.Collections.reverse(sizes);
    for (long c : sizes) {
      if (c == 0 || c > target) {
        continue;
      }
      try {
        new MerkleVerifier(hasher)
            .verifyConsistency(
                c, target, head.root(c), signed.root(), peer.consistencyProof(c, target));
        prefix = c;
        break;
      } catch (InvalidProofException e) {
        // not a prefix: try an older checkpoint
      }
    }
    long diverged = head.size();
    Path kept = quarantine(head, prefix, quarantine);
    String ref = "refs/aurelius/diverged/" + diverged + "-" + head.shortCommitId();
    mine.writer().rewindTo(prefix, ref);
    long appended = from(mine, peer, peerLogKey, upTo);
    return new Repair(prefix, diverged, kept, ref, appended);
  }

  /**
   * What a repair set aside: the entries {@code [prefix, diverged)} of the replica's own history,
   * in {@code quarantined} and under {@code ref}; then {@code appended} entries from the peer.
   */
  public record Repair(long prefix, long diverged, Path quarantined, String ref, long appended) {}

  /** Writes the entries after {@code prefix} and the replica's latest checkpoint beside them. */
  private static Path quarantine(LogSnapshot head, long prefix, Path dir) throws LogException {
    String name = "diverged-" + prefix + "-" + head.size() + "-" + head.shortCommitId();
    Path entries = dir.resolve(name + ".jsonl");
    try {
      Files.createDirectories(dir);
      try (var out = Files.newOutputStream(entries)) {
        for (long i = prefix; i < head.size(); i++) {
          out.write(head.entry(i));
          out.write('\n');
        }
      }
      Files.write(dir.resolve(name + ".checkpoint"), head.latestNote().bytes());
      return entries;
    } catch (IOException e) {
      throw new LogException(dir + ": cannot quarantine diverged entries: " + e.getMessage(), e);
    }
  }

  private static SignedNote signedNote(LogSnapshot peer, VerifierKey key, long size)
      throws LogException {
    try {
      SignedNote note = SignedNote.parse(peer.checkpointBytes(size));
      NoteVerifier.requireSignedBy(note, key);
      return note;
    } catch (MalformedNoteException | NoteVerificationException e) {
      throw new LogCorruptException("peer checkpoint " + size + ": " + e.getMessage());
    }
  }

  private Checkpoint signedCheckpoint(LogSnapshot peer, VerifierKey key, long size)
      throws LogException {
    try {
      SignedNote note = SignedNote.parse(peer.checkpointBytes(size));
      NoteVerifier.requireSignedBy(note, key);
      Checkpoint checkpoint = Checkpoint.parse(note.text());
      if (checkpoint.size() != size || !MessageDigest.isEqual(peer.root(size), checkpoint.root())) {
        throw new LogCorruptException(
            "peer checkpoint "
                + checkpoint.size()
                + ": not the root of the peer's tiles at size "
                + size);
      }
      return checkpoint;
    } catch (MalformedNoteException | NoteVerificationException e) {
      throw new LogCorruptException("peer checkpoint " + size + ": " + e.getMessage());
    }
  }
}
