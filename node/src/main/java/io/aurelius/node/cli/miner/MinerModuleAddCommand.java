package io.aurelius.node.cli.miner;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.config.module.ModuleLimits;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonInputException;
import io.aurelius.miner.modules.MinerModules;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.node.cli.HomeOptions;
import io.aurelius.node.cli.UserInputException;
import io.aurelius.node.cli.config.ConfigFiles;
import io.aurelius.node.cli.keys.SigningKeys;
import io.aurelius.node.cli.keys.WalletOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code aurelius miner module add FILE...}: validates, signs and adds modules. */
@Command(
    name = "add",
    mixinStandardHelpOptions = true,
    description = {
      "Add world-model module files to <home>/miner/modules, which the miner serves to "
          + "validators on miner/module.",
      "Every file is checked as 'aurelius module validate' checks it, against the base world "
          + "model and the modules already there; if any is refused, its problems are printed "
          + "(FILE: $.path: [reason] what (expected: ...)) and nothing is added (exit 2). An "
          + "unsigned module is signed with the miner's hotkey, making the miner its author. A "
          + "module already there is reported and skipped."
    })
final class MinerModuleAddCommand implements Callable<Integer> {
  @Mixin private HomeOptions home;
  @Mixin private WalletOptions wallet;

  @Option(
      names = "--hotkey",
      paramLabel = "KEY",
      description =
          "The miner's hotkey in <home> that signs unsigned modules: a wallet key WALLET/HOTKEY,"
              + " a legacy key's name, or a key id. Or name a Bittensor wallet with"
              + " --wallet.name/--wallet.hotkey.")
  private String hotkey;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Module files (JSON).")
  private List<String> files = new ArrayList<>();

  private final CliContext context;

  MinerModuleAddCommand(CliContext context) {
    this.context = requireNonNull(context, "context");
  }

  @Override
  public Integer call() {
    List<JsonNode> documents = new ArrayList<>();
    for (String file : files) {
      byte[] bytes = ConfigFiles.read(context, file, ModuleLimits.MAX_DOCUMENT_BYTES);
      try {
        documents.add(Json.parse(bytes, "$", ModuleLimits.JSON));
      } catch (JsonInputException e) {
        throw new UserInputException(file + ": [malformed] " + e.getMessage() + "; nothing added");
      }
    }
    Path homeDir = home.home(context);
    MinerModules modules = new MinerModules(MinerModules.inHome(homeDir));
    MinerModules.Result result = modules.add(documents, this::signer);
    if (result.refused()) {
      result
          .problems()
          .forEach((i, ps) -> ps.forEach(p -> context.err().println(files.get(i) + ": " + p)));
      context.err().flush();
      throw new UserInputException(
          result.problems().size()
              + " of "
              + files.size()
              + (files.size() == 1 ? " file" : " files")
              + " refused (expected: valid modules); nothing added");
    }
    for (int i = 0; i < result.added().size(); i++) {
      MinerModules.Added a = result.added().get(i);
      context
          .out()
          .println(
              (a.existed() ? "already in the miner's modules: " : "added ")
                  + a.module().kind().json()
                  + " "
                  + a.module().name()
                  + " "
                  + a.module().id().hex()
                  + " ("
                  + files.get(i)
                  + (a.existed() ? ")" : " -> " + a.file() + ")"));
    }
    context.out().flush();
    return ExitCode.OK;
  }

  private io.aurelius.core.crypto.Signer signer() {
    if (!wallet.isSet() && (hotkey == null || hotkey.isBlank())) {
      throw new UserInputException(
          "--hotkey: missing (expected: the miner's hotkey to sign an unsigned module, such as"
              + " miner/default, or a Bittensor wallet named with --wallet.name and"
              + " --wallet.hotkey); nothing added");
    }
    return SigningKeys.hotkeySigner(home, context, wallet, "--hotkey", hotkey);
  }
}
