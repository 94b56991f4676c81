package io.aurelius.node.cli.module;

import static java.util.Objects.requireNonNull;

import io.aurelius.config.module.Adoption;
import io.aurelius.config.module.ModuleRegistry;
import io.aurelius.core.crypto.Signer;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.node.cli.HomeOptions;
import io.aurelius.node.cli.UserInputException;
import io.aurelius.node.cli.keys.SigningKeys;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code aurelius module adopt FILE --registry DIR --hotkey KEY}. */
@Command(
    name = "adopt",
    mixinStandardHelpOptions = true,
    description = {
      "Append a module to a world-model registry, signed by a hotkey, making the next "
          + "world-model version. The module must pass every check against the registry's "
          + "adopted set. (Validators adopt on a module quorum; this is the manual form.)"
    })
final class ModuleAdoptCommand implements Callable<Integer> {
  @Mixin private HomeOptions home;

  private final CliContext context;

  @Parameters(paramLabel = "FILE", description = "The module (JSON).")
  private String file;

  @Option(names = "--registry", paramLabel = "DIR", required = true, description = "Registry.")
  private String registry;

  @Option(names = "--hotkey", paramLabel = "KEY", required = true, description = "Signing key.")
  private String hotkey;

  ModuleAdoptCommand(CliContext context) {
    this.context = requireNonNull(context, "context");
  }

  @Override
  public Integer call() {
    Signer key = SigningKeys.hotkeySigner(home, context, "--hotkey", hotkey);
    ModuleRegistry r = ModuleFiles.open(context, registry);
    Adoption a;
    try {
      a = r.adopt(ModuleFiles.document(context, file), List.of(key));
    } catch (IllegalArgumentException e) {
      throw new UserInputException(file + ": " + e.getMessage());
    }
    context
        .out()
        .println(
            "adopted "
                + a.module().kind().json()
                + " "
                + a.module().name()
                + " "
                + a.module().id().hex()
                + "; world model "
                + a.version());
    context.out().flush();
    return ExitCode.OK;
  }
}
