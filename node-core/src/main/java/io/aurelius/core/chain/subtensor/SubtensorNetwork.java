package io.aurelius.core.chain.subtensor;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * A Subtensor network to connect to: one of the Bittensor SDK's well-known names (its {@code
 * settings.NETWORKS}) or a {@code ws://}/{@code wss://} endpoint.
 *
 * @param genesisHash the genesis hash the network must answer, where it is known (finney's, from
 *     the SDK's settings)
 */
public record SubtensorNetwork(String name, URI uri, Optional<String> genesisHash) {
  public static final String FINNEY_GENESIS =
      "0x2f0555cc76fc2840a25a6ea3b9637146806f1f44b090c175ffde2a7e5ab36c03";

  public SubtensorNetwork {
    requireNonNull(name, "name");
    requireNonNull(uri, "uri");
    requireNonNull(genesisHash, "genesisHash");
  }

  /** {@code finney}, {@code test}, {@code local} or {@code ws(s)://HOST:PORT}. */
  public static SubtensorNetwork parse(String text) {
    requireNonNull(text, "text");
    String t = text.strip();
    switch (t.toLowerCase(Locale.ROOT)) {
      case "finney":
        return new SubtensorNetwork(
            "finney",
            URI.create("wss://entrypoint-finney.opentensor.ai:443"),
            Optional.of(FINNEY_GENESIS));
      case "test":
        return new SubtensorNetwork(
            "test", URI.create("wss://test.finney.opentensor.ai:443"), Optional.empty());
      case "local":
        return new SubtensorNetwork("local", URI.create("ws://127.0.0.1:9944"), Optional.empty());
      default:
        break;
    }
    URI uri;
    try {
      uri = new URI(t);
    } catch (java.net.URISyntaxException e) {
      uri = null;
    }
    if (uri == null
        || uri.getScheme() == null
        || !(uri.getScheme().equalsIgnoreCase("ws") || uri.getScheme().equalsIgnoreCase("wss"))
        || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "network '"
              + (t.length() > 80 ? t.substring(0, 80) + "…" : t)
              + "' (expected: finney, test, local, ws://HOST:PORT or wss://HOST:PORT)");
    }
    return new SubtensorNetwork(uri.toString(), uri, Optional.empty());
  }

  @Override
  public String toString() {
    return name.equals(uri.toString()) ? name : name + " (" + uri + ")";
  }
}
