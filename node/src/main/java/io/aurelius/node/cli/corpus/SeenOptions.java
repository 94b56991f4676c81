package io.aurelius.node.cli.corpus;

import io.aurelius.anchoring.note.Checkpoint;
import io.aurelius.anchoring.note.MalformedNoteException;
import io.aurelius.anchoring.note.SignedNote;
import io.aurelius.anchoring.verify.KnownCheckpoint;
import io.aurelius.anchoring.verify.SeenCheckpoints;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.HomeOptions;
import io.aurelius.node.cli.UserInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What {@code corpus verify} remembers between runs (the checkpoints it verified, per origin, and
 * their log key), the checkpoint a first contact is pinned to, and whether a key the repository
 * declares about itself may be accepted on first use.
 */
final class SeenOptions {
  static final String DIRECTORY_NAME = "corpus-seen";
  private static final int MAX_CHECKPOINT_BYTES = 64 * 1024;

  @Mixin HomeOptions home;

  @Option(
      names = "--seen-dir",
      paramLabel = "DIR",
      description =
          "Where the checkpoints verified before are remembered, one file per origin (default: "
              + "<home>/"
              + DIRECTORY_NAME
              + ").")
  Path seenDir;

  @Option(
      names = "--since",
      paramLabel = "CHECKPOINT",
      description =
          "A checkpoint the log must be consistent with, for a first contact: a file holding a "
              + "checkpoint (signed or not), or its text.")
  String since;

  @Option(
      names = {"--trust-repository-keys", "--trust-repository-keys-enabled"},
      paramLabel = "BOOLEAN",
      defaultValue = "false",
      arity = "0..1",
      fallbackValue = "true",
      description =
          "Accept the log key the repository declares about itself when no key is trusted "
              + "(--trusted-keys, --covenant) or remembered for its origin; it is remembered "
              + "from then on (default: ${DEFAULT-VALUE}).")
  boolean trustRepositoryKeys;

  SeenCheckpoints store(CliContext context) {
    Path dir =
        seenDir == null ? home.home(context).resolve(DIRECTORY_NAME) : context.resolve(seenDir);
    return new SeenCheckpoints(dir);
  }

  /** The pinned checkpoint, if one was given. */
  Optional<KnownCheckpoint> since(CliContext context) {
    if (since == null || since.isBlank()) {
      return Optional.empty();
    }
    String text = since;
    String source = "--since";
    if (!since.contains("\n")) {
      Path file = context.resolve(Path.of(since));
      try {
        if (Files.size(file) > MAX_CHECKPOINT_BYTES) {
          throw new UserInputException(
              "--since: " + file + ": larger than 64 KiB (expected: one checkpoint)");
        }
        text = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UserInputException(
            "--since: cannot read " + file + " (expected: a checkpoint file or its text)");
      }
      source = "--since " + file;
    }
    try {
      String body = text.contains("\n\n") ? SignedNote.parse(text).text() : text.strip() + "\n";
      return Optional.of(new KnownCheckpoint(Checkpoint.parse(body), source));
    } catch (MalformedNoteException e) {
      throw new UserInputException("--since: " + e.getMessage());
    }
  }
}
