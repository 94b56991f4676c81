package io.aurelius.anchoring.corpus;

import static java.util.Objects.requireNonNull;

import io.aurelius.anchoring.log.LogSnapshot;
import io.aurelius.anchoring.note.Checkpoint;
import io.aurelius.anchoring.note.NoteSignature;
import io.aurelius.anchoring.note.VerifierKey;
import java.util.List;

/**
 * The dataset card written beside an export ({@code README.md}): what the records hold, where they
 * come from (origin, checkpoint, log key, cosignature lines), the licence the corpus declares,
 * counts, and how to verify one record and the whole log. It states only what the log shows.
 */
public final class DatasetCard {
  /** The first line of every card, so an export replaces its own card and nothing else. */
  public static final String MARKER = "<!-- written by aurelius corpus export -->";

  private DatasetCard() {}

  /**
   * @param file the export's file name, as the card refers to it
   * @param verification the summary lines of the verification the export ran first
   */
  public static String text(
      LogSnapshot corpus,
      ExportFormat format,
      String file,
      ExportCounts counts,
      int burned,
      List<String> verification) {
    requireNonNull(corpus, "corpus");
    requireNonNull(format, "format");
    requireNonNull(file, "file");
    requireNonNull(counts, "counts");
    requireNonNull(verification, "verification");
    Checkpoint at = corpus.latestCheckpoint();
    VerifierKey logKey = corpus.manifest().logKey();
    StringBuilder out = new StringBuilder();
    out.append(MARKER).append("\n\n");
    out.append("# ").append(at.origin()).append(" — corpus export\n\n");
    out.append("`")
        .append(file)
        .append("`: ")
        .append(counts.records())
        .append(" records in the `")
        .append(format.name().toLowerCase(java.util.Locale.ROOT))
        .append("` format, one RFC 8785 canonical JSON object per line: the clean view of the log")
        .append(" at checkpoint ")
        .append(at.size())
        .append(" (")
        .append(at.size())
        .append(" entries, ")
        .append(burned)
        .append(" burned and left out).\n\n");
    out.append("Records per model: ");
    List<String> models = new java.util.ArrayList<>();
    counts.byModel().forEach((name, n) -> models.add("`" + name + "` " + n));
    out.append(models.isEmpty() ? "none" : String.join(", ", models))
        .append("; ")
        .append(counts.simulated())
        .append(" of ")
        .append(counts.records())
        .append(" are output of the embedded simulation model (`provenance.model.simulated`),")
        .append(" not of a real language model.\n\n");

    out.append("## Schema\n\n");
    if (format == ExportFormat.JSONL) {
      out.append("- `index`: the entry's leaf index in the log; `id`: SHA-256 (hex) of the entry's")
          .append(" canonical JSON.\n")
          .append("- `entry`: the corpus entry as logged (schema `")
          .append(CorpusEntry.SCHEMA)
          .append("`): `aene` (observation, reasoning, action), `provenance` (configuration,")
          .append(" miner, validator, epoch, model with the honest `simulated` label, …) and")
          .append(" `verdict` (DLV score, heuristics, approvals).\n");
    } else {
      out.append("- `messages`: the observation as the user turn; the reasoning and the action")
          .append(" (`reasoning + \"\\n\\nAction: \" + action`) as the assistant turn.\n")
          .append("- `provenance`: the entry's provenance plus `entry` (leaf index), `entryId`,")
          .append(
              " `aene` and `checkpoint` (origin, size, root); `verdict`: the entry's verdict.\n")
          .append("- `entry`: the corpus entry as logged (schema `")
          .append(CorpusEntry.SCHEMA)
          .append("`), from which every other field is derived.\n");
    }
    out.append("- `proof` (`")
        .append(ExportProof.SCHEMA)
        .append("`): `index`, `auditPath` (the RFC 9162 inclusion proof, base64 hashes, leaf to")
        .append(" root), `checkpoint` (the C2SP signed checkpoint note, text and signature lines)")
        .append(" and `logKey` (the log's verifier key). The leaf is")
        .append(" `SHA-256(0x00 ‖ canonical JSON of entry)`.\n\n")
        .append("The full format is in `docs/corpus-format.md` of the aurelius repository.\n\n");

    out.append("## Provenance\n\n")
        .append("- origin: `")
        .append(at.origin())
        .append("`\n- checkpoint: size ")
        .append(at.size())
        .append(", root `")
        .append(at.rootBase64())
        .append("`\n- log key: `")
        .append(logKey.format())
        .append("`\n- signature lines on the checkpoint:");
    List<NoteSignature> lines = corpus.latestNote().signatures();
    for (NoteSignature s : lines) {
      boolean log = s.name().equals(logKey.name()) && s.keyId() == logKey.keyId();
      out.append("\n  - `")
          .append(s.name())
          .append("+")
          .append(s.keyIdHex())
          .append("`")
          .append(log ? " (the log key)" : " (cosigner)");
    }
    out.append("\n\nThe checkpoint note, verbatim:\n\n```\n")
        .append(corpus.latestNote().format())
        .append("```\n\nVerified before export:\n\n```\n");
    verification.forEach(l -> out.append(l).append('\n'));
    out.append("```\n\n");

    out.append("## Licence\n\n")
        .append("The corpus declares no licence: the log's manifest (`log.json`) and the entry")
        .append(" schema have no licence field. Ask the subnet's owners before redistributing;")
        .append(" this card grants nothing.\n\n");

    out.append("## Verify\n\n")
        .append("One record, offline (line N of this file), against a log key you trust:\n\n")
        .append("```\naurelius corpus verify-record ")
        .append(file)
        .append(" --line 1 --trusted-key '")
        .append(logKey.format())
        .append("'\n```\n\n")
        .append("Take the key from a source you trust (the subnet's covenant, its operators), not")
        .append(" from this card, which travels with the data it describes. ")
        .append("Without `--trusted-key` the record is checked against the key it carries, which")
        .append(" proves it is self-consistent, not who signed it. The whole log, from its git")
        .append(" repository:\n\n```\naurelius corpus verify <corpus repository or URL>")
        .append(" --trusted-keys <file of trusted keys>\n```\n");
    return out.toString();
  }
}
