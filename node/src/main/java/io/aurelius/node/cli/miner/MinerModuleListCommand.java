package io.aurelius.node.cli.miner;

import static java.util.Objects.requireNonNull;

import io.aurelius.config.module.Module;
import io.aurelius.core.hash.ContentId;
import io.aurelius.miner.modules.MinerModules;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.node.cli.HomeOptions;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code aurelius miner module list}: the miner's modules as a table. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = {
      "List the valid modules in <home>/miner/modules: short id, kind, name and parent (for "
          + "forks). Files there that are not valid modules are left out ('aurelius module "
          + "validate' says why)."
    })
final class MinerModuleListCommand implements Callable<Integer> {
  @Mixin private HomeOptions home;

  private final CliContext context;

  MinerModuleListCommand(CliContext context) {
    this.context = requireNonNull(context, "context");
  }

  @Override
  public Integer call() {
    List<Module> modules = new MinerModules(MinerModules.inHome(home.home(context))).list();
    int nameWidth = Math.max(4, modules.stream().mapToInt(m -> m.name().length()).max().orElse(0));
    String row = "%-12s  %-14s  %-" + nameWidth + "s  %s%n";
    PrintWriter out = context.out();
    out.printf(row, "ID", "KIND", "NAME", "PARENT");
    for (Module m : modules) {
      out.printf(
          row,
          m.id().shortHex(),
          m.kind().json(),
          m.name(),
          m.info().parent().map(ContentId::shortHex).orElse("-"));
    }
    out.println(modules.size() + (modules.size() == 1 ? " module" : " modules"));
    out.flush();
    return ExitCode.OK;
  }
}
