package io.aurelius.node.cli.chain;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.chain.Endpoint;
import io.aurelius.core.chain.Receipt;
import io.aurelius.core.chain.Role;
import io.aurelius.core.crypto.Signer;
import io.aurelius.core.identity.KeyId;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.node.cli.UserInputException;
import io.aurelius.node.cli.VersionProvider;
import io.aurelius.node.cli.keys.PassphraseOptions;
import io.aurelius.node.cli.keys.SigningKeys;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aurelius chain register}: registers a hotkey under a coldkey, with role and endpoint. */
@Command(
    name = "register",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Register a hotkey on the dev chain's subnet, owned by a coldkey that pays the "
          + "registration burn. Both keys come from <home>/keys; the hotkey signs a proof that "
          + "binds it to the coldkey. A full subnet replaces its lowest-emission non-immune UID. "
          + "With --network/--netuid: burned_register on that Subtensor subnet (the coldkey pays "
          + "the burn; --role is not sent, Subtensor has none), then serve_axon by the hotkey "
          + "when --endpoint serves (an IP literal)."
    })
final class RegisterCommand implements Callable<Integer> {
  @Mixin private ChainDirOptions dirOptions;
  @Mixin private PassphraseOptions passphrase;
  @Mixin private SubmitOptions submit;
  @Mixin private ChainConnectOptions connect;
  @Mixin private NetworkOptions network;

  @Option(
      names = "--coldkey",
      paramLabel = "KEY",
      description = "The owning coldkey: its name or key id.")
  private String coldkey;

  @Option(
      names = "--hotkey",
      paramLabel = "KEY",
      description = "The hotkey to register: its name or key id.")
  private String hotkey;

  @Option(names = "--role", paramLabel = "ROLE", description = "miner or validator.")
  private String role;

  @Option(
      names = "--endpoint",
      paramLabel = "HOST:PORT",
      defaultValue = "0.0.0.0:0",
      description = "Where the hotkey serves the signed protocol (default: not serving).")
  private String endpoint;

  private final CliContext context;

  RegisterCommand(CliContext context) {
    this.context = requireNonNull(context, "context");
  }

  @Override
  public Integer call() {
    Role parsedRole;
    Endpoint parsedEndpoint;
    try {
      parsedRole = Role.parse(role == null ? "" : role);
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--role: " + e.getMessage(), e);
    }
    try {
      parsedEndpoint = Endpoint.parse(endpoint);
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--endpoint: " + e.getMessage(), e);
    }
    var waitFor = ChainAccess.waitFor(submit.waitSeconds);
    Signer hot = SigningKeys.hotkeySigner(dirOptions.home(), context, "--hotkey", hotkey);
    Signer cold =
        SigningKeys.coldkeySigner(dirOptions.home(), context, "--coldkey", coldkey, passphrase);
    Receipt receipt =
        ChainAccess.write(
            context,
            network,
            dirOptions,
            connect,
            cold,
            chain -> chain.register(cold, hot, parsedRole, parsedEndpoint),
            waitFor);
    ChainAccess.report(context, receipt, "register " + KeyId.of(hot.publicKey()));
    return ExitCode.OK;
  }
}
