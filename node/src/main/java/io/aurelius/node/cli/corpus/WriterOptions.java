package io.aurelius.node.cli.corpus;

import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.HomeOptions;
import io.aurelius.node.cli.keys.SigningKeys;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The log key a writing command signs with: a hotkey in the node's key store. */
final class WriterOptions {
  @Mixin HomeOptions home;

  @Option(
      names = "--hotkey",
      paramLabel = "KEY",
      description = "The log's hotkey in <home>/keys: its name or key id.")
  String hotkey;

  Ed25519KeyPair key(CliContext context) {
    return SigningKeys.hotkey(home, context, "--hotkey", hotkey);
  }
}
