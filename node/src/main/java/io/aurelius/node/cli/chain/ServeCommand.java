package io.aurelius.node.cli.chain;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.chain.Endpoint;
import io.aurelius.core.chain.Receipt;
import io.aurelius.core.crypto.Signer;
import io.aurelius.core.identity.KeyId;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.node.cli.UserInputException;
import io.aurelius.node.cli.VersionProvider;
import io.aurelius.node.cli.keys.SigningKeys;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aurelius chain serve}: changes the endpoint a registered hotkey serves. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Announce where a registered hotkey serves the signed protocol, signed by the hotkey from "
          + "<home>/keys. With --network/--netuid: serve_axon on that Subtensor subnet (an IPv4 "
          + "or IPv6 literal: Subtensor stores an IP, not a host name)."
    })
final class ServeCommand implements Callable<Integer> {
  @Mixin private ChainDirOptions dirOptions;
  @Mixin private SubmitOptions submit;
  @Mixin private ChainConnectOptions connect;
  @Mixin private NetworkOptions network;

  @Option(
      names = "--hotkey",
      paramLabel = "KEY",
      description = "The registered hotkey: its name or key id.")
  private String hotkey;

  @Option(
      names = "--endpoint",
      paramLabel = "HOST:PORT",
      description = "Where the hotkey serves (0.0.0.0:0: not serving).")
  private String endpoint;

  private final CliContext context;

  ServeCommand(CliContext context) {
    this.context = requireNonNull(context, "context");
  }

  @Override
  public Integer call() {
    if (endpoint == null) {
      throw new UserInputException("--endpoint: missing (expected: HOST:PORT)");
    }
    Endpoint parsed;
    try {
      parsed = Endpoint.parse(endpoint);
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--endpoint: " + e.getMessage(), e);
    }
    var waitFor = ChainAccess.waitFor(submit.waitSeconds);
    Signer hot = SigningKeys.hotkeySigner(dirOptions.home(), context, "--hotkey", hotkey);
    Receipt receipt =
        ChainAccess.write(
            context,
            network,
            dirOptions,
            connect,
            hot,
            chain -> chain.serveEndpoint(hot, parsed),
            waitFor);
    ChainAccess.report(context, receipt, "serve " + parsed + " for " + KeyId.of(hot.publicKey()));
    return ExitCode.OK;
  }
}
