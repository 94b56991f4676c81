package io.aurelius.node.cli.chain;

import io.aurelius.core.chain.subtensor.SubtensorChain;
import io.aurelius.node.cli.CliContext;
import java.io.PrintWriter;

/**
 * Opens the {@link SubtensorChain} of {@code --network}/{@code --netuid}, printing every network
 * step ({@code subtensor: connecting to …}, metadata, each runtime call) to standard error as it
 * happens, so standard output stays the command's answer (a table, or JSON).
 */
public final class SubtensorSession {
  private SubtensorSession() {}

  public static SubtensorChain open(CliContext context, NetworkOptions.Subnet subnet) {
    PrintWriter out = context.err();
    out.println("subtensor: network " + subnet.network() + ", netuid " + subnet.netuid());
    out.flush();
    return SubtensorChain.connect(
        subnet.network(),
        subnet.netuid(),
        line -> {
          out.println("subtensor: " + line);
          out.flush();
        });
  }
}
