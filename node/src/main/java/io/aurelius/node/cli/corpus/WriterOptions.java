package io.aurelius.node.cli.corpus;

import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.UserInputException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The log key a writing command signs with. */
final class WriterOptions {
  @Option(names = "--hotkey-seed-file", paramLabel = "FILE", required = true,
      description = "File holding the log's Ed25519 hotkey seed as 64 hex digits.")
  String hotkeySeedFile;

  Ed25519KeyPair key(CliContext context) {
    if (hotkeySeedFile == null || hotkeySeedFile.isBlank()) {
      throw new UserInputException("--hotkey-seed-file: missing (expected: a file with the log key's seed)");
    }
    return HotkeySeedFile.read(context.resolve(Path.of(hotkeySeedFile)), "--hotkey-seed-file");
  }
}
