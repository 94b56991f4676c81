package io.aurelius.core.chain.extrinsic;

/** Commits to weights by their {@link WeightCommitHash} (commit-reveal v2). */
public record CommitWeights(int netuid, String commitHash) implements Call {
  public CommitWeights {
    Call.checkNetuid(netuid);
    Hex.check("commit_hash", commitHash, 32);
  }

  @Override
  public String type() {
    return "commit_weights";
  }

  @Override
  public SignedBy signedBy() {
    return SignedBy.HOTKEY;
  }
}
