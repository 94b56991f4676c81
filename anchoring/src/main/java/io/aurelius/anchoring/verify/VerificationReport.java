package io.aurelius.anchoring.verify;

import static java.util.Objects.requireNonNull;

import io.aurelius.anchoring.burn.BurnRecord;
import io.aurelius.anchoring.covenant.Covenant;
import io.aurelius.anchoring.log.LogManifest;
import io.aurelius.anchoring.note.Checkpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/** What a successful verification established, and the summary printed for it. */
public record VerificationReport(
    LogManifest manifest,
    String commit,
    String trust,
    Checkpoint latest,
    int checkpoints,
    int witnessed,
    OptionalLong latestWitnessed,
    boolean witnessesKnown,
    List<CheckpointStamp> checkpointStamps,
    List<BurnRecord> burns,
    int commits,
    Optional<Covenant> covenant) {
  /** Checkpoints whose stamp gets a line of its own, the latest ones. */
  static final int MAX_STAMP_LINES = 20;

  public VerificationReport {
    requireNonNull(manifest, "manifest");
    requireNonNull(latest, "latest");
    checkpointStamps = List.copyOf(checkpointStamps);
    burns = List.copyOf(burns);
  }

  /** How many checkpoints' stamps stand where, by {@link CheckpointStamp.Standing#key()}. */
  public Map<String, Integer> stamps() {
    Map<String, Integer> counts = new java.util.HashMap<>();
    checkpointStamps.forEach(s -> counts.merge(s.standing().key(), 1, Integer::sum));
    counts.putIfAbsent("none", 0);
    return Map.copyOf(counts);
  }

  /** Indices of burned entries: what the clean view leaves out. */
  public Set<Long> burned() {
    Set<Long> out = new TreeSet<>();
    burns.forEach(b -> out.add(b.entry()));
    return out;
  }

  public List<String> lines() {
    List<String> out = new ArrayList<>();
    out.add(manifest.kind().id() + " " + manifest.origin() + " at commit " + commit);
    out.add("  trust:        " + trust);
    out.add("  log key:      " + manifest.logKey().format());
    out.add(
        "  entries:      "
            + latest.size()
            + ", each matching its leaf and included in checkpoint "
            + latest.size()
            + (burns.isEmpty()
                ? ""
                : " (" + (latest.size() - burned().size()) + " in the clean view)"));
    out.add(
        "  checkpoints:  "
            + checkpoints
            + " signed by the log key, each consistent with the one before; root "
            + latest.rootBase64());
    if (witnessesKnown) {
      out.add(
          "  witnessed:    "
              + witnessed
              + " of "
              + checkpoints
              + " checkpoints reach the cosignature quorum"
              + (latestWitnessed.isPresent()
                  ? "; latest witnessed size " + latestWitnessed.getAsLong()
                  : "; none yet")
              + (latest.size() > 0
                      && (latestWitnessed.isEmpty() || latestWitnessed.getAsLong() != latest.size())
                  ? " (the latest checkpoint, " + latest.size() + ", is NOT witnessed)"
                  : ""));
    } else {
      out.add(
          "  witnessed:    no witnesses known (trusted keys name none), cosignatures not weighed");
    }
    Map<String, Integer> stamps = stamps();
    out.add(
        "  timestamps:   "
            + stamps.getOrDefault("verified", 0)
            + " bitcoin-verified, "
            + stamps.getOrDefault("unchecked", 0)
            + " complete but unchecked (no --bitcoin-rpc), "
            + stamps.getOrDefault("pending", 0)
            + " pending at calendars, "
            + stamps.getOrDefault("unsubmitted", 0)
            + " awaiting submission, "
            + stamps.getOrDefault("none", 0)
            + " not stamped");
    int shown = Math.min(MAX_STAMP_LINES, checkpointStamps.size());
    if (shown < checkpointStamps.size()) {
      out.add(
          "    (the latest "
              + shown
              + " of "
              + checkpointStamps.size()
              + " checkpoints; the earlier ones are counted above)");
    }
    for (CheckpointStamp s :
        checkpointStamps.subList(checkpointStamps.size() - shown, checkpointStamps.size())) {
      out.add("    " + s.describe());
    }
    out.add("  burns:        " + burns.size());
    for (BurnRecord b : burns) {
      out.add(
          "    entry "
              + b.entry()
              + " ("
              + b.entryId().shortHex()
              + ") burned by "
              + b.burnedBy().address()
              + " at "
              + b.burnedAt()
              + ": "
              + b.reason()
              + " [evidence sha256 "
              + b.evidence().hex()
              + "]");
    }
    out.add("  history:      " + commits + " commits, linear, each SSH-signed by the log key");
    covenant.ifPresent(
        c -> {
          out.add(
              "  covenant:     "
                  + c.entries()
                  + " entries (genesis + "
                  + (c.entries() - 1)
                  + " amendments); purpose: "
                  + abbreviate(c.purpose()));
        });
    out.add("OK");
    return out;
  }

  private static String abbreviate(String s) {
    String one = s.replace('\n', ' ');
    return one.length() > 100 ? one.substring(0, 100) + "…" : one;
  }
}
