package io.aurelius.anchoring.log;

import static java.util.Objects.requireNonNull;

import io.aurelius.anchoring.note.SignedNote;
import org.eclipse.jgit.lib.ObjectId;

/**
 * The outcome of an append: the first index of the batch, the signed checkpoint covering it, the
 * commit, and whether this call wrote it or found it already there (a retried batch).
 */
public record AppendResult(
    long firstIndex, int count, SignedNote checkpoint, ObjectId commit, boolean alreadyPresent) {
  public AppendResult {
    requireNonNull(checkpoint, "checkpoint");
    requireNonNull(commit, "commit");
  }

  /**
   * This append's checkpoint and commit as the outcome of a run of {@code count} appends that began
   * with {@code first}.
   */
  public AppendResult since(AppendResult first, int count) {
    return new AppendResult(first.firstIndex(), count, checkpoint, commit, false);
  }

  /** The commit's id abbreviated to {@code length} hex digits, for messages to people. */
  public String abbreviatedCommit(int length) {
    return commit.abbreviate(length).name();
  }
}
