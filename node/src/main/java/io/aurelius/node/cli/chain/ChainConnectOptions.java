package io.aurelius.node.cli.chain;

import io.aurelius.core.chain.Endpoint;
import io.aurelius.core.identity.KeyId;
import io.aurelius.node.cli.UserInputException;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * A chain on another machine: {@code --chain-endpoint HOST:PORT} and the key it answers as, {@code
 * --chain-authority KEYID} (its block-signing key, shown by {@code aurelius chain info}).
 */
public final class ChainConnectOptions {
  @Option(
      names = "--chain-endpoint",
      paramLabel = "HOST:PORT",
      description =
          "A running dev chain's signed-protocol endpoint (default: the chain in the "
              + "local chain dir, if it is running).")
  private String endpoint;

  @Option(
      names = "--chain-authority",
      paramLabel = "KEYID",
      description = "The key that chain answers as (its authority); needed with --chain-endpoint.")
  private String authority;

  /** The remote chain named on the command line, if any. */
  public Optional<Remote> remote() {
    boolean hasEndpoint = endpoint != null && !endpoint.isBlank();
    boolean hasAuthority = authority != null && !authority.isBlank();
    if (!hasEndpoint && !hasAuthority) {
      return Optional.empty();
    }
    if (!hasEndpoint || !hasAuthority) {
      throw new UserInputException(
          (hasEndpoint ? "--chain-authority" : "--chain-endpoint")
              + ": missing (expected: --chain-endpoint HOST:PORT and --chain-authority KEYID together)");
    }
    Endpoint at;
    try {
      at = Endpoint.parse(endpoint);
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--chain-endpoint: " + e.getMessage(), e);
    }
    if (!at.serving()) {
      throw new UserInputException(
          "--chain-endpoint: " + at + " (expected: a host and a port 1..65535)");
    }
    try {
      return Optional.of(new Remote(at.host(), at.port(), KeyId.parse(authority)));
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--chain-authority: " + e.getMessage(), e);
    }
  }

  /** Where a chain serves and the key it answers as. */
  public record Remote(String host, int port, KeyId authority) {}
}
