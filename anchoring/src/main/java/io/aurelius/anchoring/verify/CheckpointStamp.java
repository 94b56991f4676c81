package io.aurelius.anchoring.verify;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/**
 * One checkpoint's timestamp as verification found it. {@code block} is the Bitcoin block height
 * the proof attests (checked against a block header for {@code VERIFIED}, only claimed for {@code
 * UNCHECKED}); {@code time} the verified block's time; {@code calendars} where a pending proof
 * waits.
 */
public record CheckpointStamp(
    long size, Standing standing, OptionalLong block, OptionalLong time, List<String> calendars) {
  public CheckpointStamp {
    requireNonNull(standing, "standing");
    requireNonNull(block, "block");
    requireNonNull(time, "time");
    calendars = List.copyOf(calendars);
  }

  /** From strongest to weakest claim; a proof that fails its check fails verification instead. */
  public enum Standing {
    /** A Bitcoin attestation matched a block header from {@code --bitcoin-rpc}. */
    VERIFIED("verified"),
    /** A Bitcoin attestation, not checked: no block-header source was given. */
    UNCHECKED("unchecked"),
    /** Only calendars' promises so far. */
    PENDING("pending"),
    /** A {@code .pending} record: no calendar answered when it was submitted. */
    UNSUBMITTED("unsubmitted"),
    /** Only attestations this verifier cannot check. */
    UNSUPPORTED("unsupported"),
    /** Neither a proof nor a pending record. */
    ABSENT("none");

    private final String key;

    Standing(String key) {
      this.key = key;
    }

    /** The key this standing is counted under in {@link VerificationReport#stamps()}. */
    public String key() {
      return key;
    }
  }

  /** One line: the checkpoint and what its stamp establishes. */
  public String describe() {
    String what =
        switch (standing) {
          case VERIFIED ->
              "verified in Bitcoin block "
                  + block.getAsLong()
                  + " (existed by "
                  + Instant.ofEpochSecond(time.getAsLong())
                  + "; header checked with --bitcoin-rpc)";
          case UNCHECKED ->
              "attested in Bitcoin block "
                  + block.getAsLong()
                  + ", unchecked (give --bitcoin-rpc to check it against a bitcoind)";
          case PENDING -> "pending at " + calendars + ", not yet in Bitcoin";
          case UNSUBMITTED -> "pending record only: no calendar has answered yet";
          case UNSUPPORTED -> "only attestations this verifier cannot check";
          case ABSENT -> "not stamped";
        };
    return "checkpoint " + size + ": " + what;
  }
}
