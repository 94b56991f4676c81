package io.aurelius.anchoring.log;

/** The README placed in every log repository, for people who browse it with stock tools. */
final class RepositoryReadme {
  private RepositoryReadme() {}

  static String text(LogManifest manifest) {
    return "# "
        + manifest.origin()
        + "\n\n"
        + "An append-only, verifiable "
        + manifest.kind().id()
        + " log of an Aurelius subnet, written by the\n"
        + "`aurelius` node. Do not edit it by hand: every change is detectable.\n\n"
        + "- `log.json`: format, kind, checkpoint origin and the log's verifier key.\n"
        + "- `entries/`: the entries, canonical JSON, one per line, 256 per file (`x001/234.jsonl` holds\n"
        + "  entries 1234·256 onwards); leaf i of the Merkle tree is SHA-256(0x00 ‖ line i).\n"
        + "- `tile/`: RFC 6962 hash tiles in the C2SP tlog-tiles layout, for proofs without the whole log.\n"
        + "- `checkpoint`, `checkpoints/`: the latest and every C2SP signed checkpoint, with cosignatures.\n"
        + "- `stamps/`: OpenTimestamps proofs of each checkpoint's text (`.pending` = not yet submitted).\n"
        + "- `burns/`: signed burn records; burned entries stay in the log but leave the clean view.\n\n"
        + "Every commit is SSH-signed by the log key (`git verify-commit` with an allowed-signers file).\n"
        + "Verify everything with `aurelius corpus verify <this repository>`.\n\n"
        + "Log key: `"
        + manifest.logKey().format()
        + "`\n";
  }
}
