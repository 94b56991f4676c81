package io.aurelius.node.cli.chain;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.chain.dev.ChainDataDir;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.HomeOptions;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where the dev chain's data lives: {@code --chain-dir}, else {@code <home>/chain}. */
public final class ChainDirOptions {
  @Mixin private HomeOptions home;

  @Option(
      names = "--chain-dir",
      paramLabel = "DIR",
      description =
          "The dev chain's data directory: blocks.git, authority.seed, inbox "
              + "(default: <home>/chain).")
  private Path chainDir;

  public ChainDataDir dir(CliContext context) {
    requireNonNull(context, "context");
    if (chainDir == null || chainDir.toString().isBlank()) {
      return new ChainDataDir(home.home(context).resolve("chain"));
    }
    return new ChainDataDir(context.resolve(chainDir));
  }

  public HomeOptions home() {
    return home;
  }
}
