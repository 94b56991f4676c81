package io.aurelius.anchoring.ots;

/** The standing of a whole proof, from strongest to weakest claim. */
public enum StampStatus {
  /** An attestation does not match its block header: the proof is false. */
  FAILED,
  /** At least one Bitcoin attestation matched a block header from the configured source. */
  VERIFIED,
  /** Complete (has a Bitcoin attestation), but no header source was available to check it. */
  UNCHECKED,
  /** Only calendar promises so far; upgrade later. */
  PENDING,
  /** Only attestations this node cannot check (other chains, unknown kinds). */
  UNSUPPORTED
}
