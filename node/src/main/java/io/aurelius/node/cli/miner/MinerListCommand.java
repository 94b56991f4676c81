package io.aurelius.node.cli.miner;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.hash.ContentId;
import io.aurelius.miner.library.ConfigLibrary;
import io.aurelius.miner.library.LibraryEntry;
import io.aurelius.miner.library.LibrarySnapshot;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.node.cli.HomeOptions;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code aurelius miner list}: the library as a table. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = {
      "List the library's configurations in the order they were added: short id, "
          + "name, parent (for forks) and when it was added (UTC).",
      "Files in the library that are not readable configurations are reported on stderr."
    })
final class MinerListCommand implements Callable<Integer> {
  private static final DateTimeFormatter ADDED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  @Mixin private HomeOptions home;

  private final CliContext context;

  MinerListCommand(CliContext context) {
    this.context = requireNonNull(context, "context");
  }

  @Override
  public Integer call() {
    LibrarySnapshot snapshot;
    try (ConfigLibrary library = MinerHome.openLibrary(home.home(context))) {
      snapshot = MinerHome.call(library::snapshot);
    }
    List<LibraryEntry> entries = snapshot.entries();
    int nameWidth = Math.max(4, entries.stream().mapToInt(e -> e.name().length()).max().orElse(0));
    String row = "%-12s  %-" + nameWidth + "s  %-12s  %s%n";
    PrintWriter out = context.out();
    out.printf(row, "ID", "NAME", "PARENT", "ADDED");
    for (LibraryEntry e : entries) {
      out.printf(
          row,
          e.id().shortHex(),
          e.name(),
          e.parent().map(ContentId::shortHex).orElse("-"),
          ADDED.format(e.added()));
    }
    out.println(entries.size() + (entries.size() == 1 ? " configuration" : " configurations"));
    snapshot.unreadable().forEach(p -> context.err().println("warning: " + p));
    out.flush();
    context.err().flush();
    return ExitCode.OK;
  }
}
