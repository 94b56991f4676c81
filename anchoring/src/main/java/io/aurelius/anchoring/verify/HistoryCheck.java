package io.aurelius.anchoring.verify;

import io.aurelius.anchoring.gitsign.SignedCommits;
import io.aurelius.anchoring.gitsign.SshSignatureException;
import io.aurelius.anchoring.log.GitLog;
import io.aurelius.anchoring.log.LogException;
import io.aurelius.anchoring.log.LogPaths;
import io.aurelius.anchoring.log.LogSnapshot;
import io.aurelius.anchoring.note.MalformedNoteException;
import io.aurelius.anchoring.note.SignedNote;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * The git history: linear, every commit SSH-signed by the log key, every commit's checkpoint the
 * same as the one the head still holds for that size, sizes never shrinking, burns never removed. A
 * rewritten history fails here even when the head's content is intact.
 */
final class HistoryCheck {
  private static final int MAX_COMMITS = 10_000_000;
  private final GitLog log;
  private final LogSnapshot head;

  HistoryCheck(GitLog log, LogSnapshot head) {
    this.log = log;
    this.head = head;
  }

  /** Returns the number of commits checked. */
  int run() throws VerificationFailure {
    var key = head.manifest().logKey().publicKey();
    Set<Long> headBurns = new HashSet<>(LogVerifier.guard(head::burnedEntries, "burns"));
    long newerSize = Long.MAX_VALUE;
    int count = 0;
    try (RevWalk walk = new RevWalk(log.repository())) {
      RevCommit c = walk.parseCommit(head.commitId());
      while (c != null) {
        String name = "commit " + c.abbreviate(10).name();
        if (++count > MAX_COMMITS) {
          throw new VerificationFailure("history: more than " + MAX_COMMITS + " commits");
        }
        if (c.getParentCount() > 1) {
          throw new VerificationFailure(name + ": a merge (expected: a linear history)");
        }
        try {
          var signer = SignedCommits.verify(c.getRawBuffer());
          if (!signer.equals(key)) {
            throw new VerificationFailure(
                name
                    + ": signed by another key, not the log key "
                    + head.manifest().logKey().format()
                    + " (history rewritten?)");
          }
        } catch (SshSignatureException e) {
          throw new VerificationFailure(name + ": " + e.getMessage() + " (history rewritten?)");
        }
        LogSnapshot at = snapshot(c, name);
        if (!at.manifest().equals(head.manifest())) {
          throw new VerificationFailure(
              name + ": " + LogPaths.MANIFEST + " differs from the head's");
        }
        long size = at.size();
        if (size > newerSize) {
          throw new VerificationFailure(
              name + ": log size " + size + " shrinks to " + newerSize + " later");
        }
        newerSize = size;
        byte[] now = LogVerifier.guard(() -> head.checkpointBytes(size), name);
        try {
          if (!SignedNote.parse(now).text().equals(at.latestNote().text())) {
            throw new VerificationFailure(
                name
                    + ": its checkpoint "
                    + size
                    + " differs from the one the log holds now (history rewritten?)");
          }
        } catch (MalformedNoteException e) {
          throw new VerificationFailure("checkpoint " + size + ": " + e.getMessage());
        }
        for (long burned : LogVerifier.guard(at::burnedEntries, name)) {
          if (!headBurns.contains(burned)) {
            throw new VerificationFailure(
                name + ": burn of entry " + burned + " was removed later (burns are permanent)");
          }
        }
        c = c.getParentCount() == 0 ? null : walk.parseCommit(c.getParent(0));
      }
      if (newerSize != 0) {
        throw new VerificationFailure(
            "history: the first commit has log size " + newerSize + " (expected: 0)");
      }
    } catch (IOException e) {
      throw new VerificationFailure("history: " + e.getMessage());
    }
    return count;
  }

  private LogSnapshot snapshot(RevCommit c, String name) throws VerificationFailure {
    try {
      return log.at(c.getId());
    } catch (LogException e) {
      throw new VerificationFailure(name + ": " + e.getMessage());
    }
  }
}
