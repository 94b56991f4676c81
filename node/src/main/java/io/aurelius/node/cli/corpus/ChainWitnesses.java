package io.aurelius.node.cli.corpus;

import static java.util.Objects.requireNonNull;

import io.aurelius.anchoring.note.MalformedNoteException;
import io.aurelius.anchoring.note.NoteVerificationException;
import io.aurelius.anchoring.note.StakeThreshold;
import io.aurelius.anchoring.note.VerifierKey;
import io.aurelius.anchoring.note.WitnessBinding;
import io.aurelius.anchoring.verify.TrustPolicy;
import io.aurelius.core.chain.ChainUnavailableException;
import io.aurelius.core.chain.Metagraph;
import io.aurelius.core.chain.NeuronInfo;
import io.aurelius.core.chain.Role;
import io.aurelius.core.chain.service.RemoteChain;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.transport.ClientLimits;
import io.aurelius.core.transport.PeerEndpoint;
import io.aurelius.core.transport.ProtocolClient;
import io.aurelius.core.transport.netty.NettyProtocolClient;
import io.aurelius.node.cli.CommandFailedException;
import io.aurelius.node.cli.chain.ChainConnectOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The witnesses as the chain names them: every validator of the metagraph, named by its hotkey
 * address, weighted by its stake. Its cosignature key is its hotkey itself for an Ed25519 hotkey,
 * else the key its hotkey signed a {@link WitnessBinding} for, fetched from the endpoint the
 * validator announced on the chain. A validator whose key cannot be learnt keeps its stake in the
 * total (the quorum gets harder, never easier) and is named on {@code out}.
 */
final class ChainWitnesses {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private ChainWitnesses() {}

  static TrustPolicy policy(
      ChainConnectOptions.Remote remote, String origin, StakeThreshold threshold, PrintWriter out) {
    requireNonNull(remote, "remote");
    return policy(
        metagraph(remote),
        "the chain at " + remote.host() + ":" + remote.port(),
        origin,
        threshold,
        out);
  }

  /** The policy for {@code graph}, read from {@code chain} (named in the trust source). */
  static TrustPolicy policy(
      Metagraph graph, String chain, String origin, StakeThreshold threshold, PrintWriter out) {
    Map<VerifierKey, Long> bound = new LinkedHashMap<>();
    long unbound = 0;
    int validators = 0;
    HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    for (NeuronInfo n : graph.neurons()) {
      if (n.role() != Role.VALIDATOR) {
        continue;
      }
      validators++;
      try {
        bound.merge(key(http, n), n.stake(), Long::sum);
      } catch (NoteVerificationException | MalformedNoteException | IOException e) {
        unbound = Math.addExact(unbound, n.stake());
        out.println(
            "witness "
                + n.hotkey()
                + " (stake "
                + n.stake()
                + "): cosignature key unknown, its stake counts against the quorum: "
                + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CommandFailedException("interrupted while asking " + n.hotkey() + " for its key");
      }
    }
    String source =
        chain
            + " (block "
            + graph.block()
            + ": "
            + validators
            + " validators, "
            + bound.size()
            + " with a known cosignature key)";
    return TrustPolicy.fromChain(origin, bound, unbound, threshold, source);
  }

  private static Metagraph metagraph(ChainConnectOptions.Remote remote) {
    try (ProtocolClient client =
        NettyProtocolClient.create(Ed25519KeyPair.generate(), ClientLimits.defaults())) {
      return new RemoteChain(
              client,
              new PeerEndpoint(remote.host(), remote.port(), remote.authority(), KeyScheme.ED25519),
              Duration.ofSeconds(30))
          .metagraph(false);
    } catch (ChainUnavailableException e) {
      throw new CommandFailedException("--chain-endpoint: " + e.getMessage(), e);
    }
  }

  private static VerifierKey key(HttpClient http, NeuronInfo n)
      throws IOException, InterruptedException, MalformedNoteException, NoteVerificationException {
    if (n.hotkeyScheme() == KeyScheme.ED25519) {
      return WitnessBinding.ofEd25519Hotkey(n.hotkey());
    }
    if (!n.endpoint().serving()) {
      throw new IOException("no endpoint on the chain to ask");
    }
    URI uri = URI.create("http://" + n.endpoint() + WitnessBinding.PATH);
    HttpResponse<InputStream> response =
        http.send(
            HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
            HttpResponse.BodyHandlers.ofInputStream());
    byte[] body;
    try (InputStream in = response.body()) {
      body = in.readNBytes(WitnessBinding.MAX_BYTES + 1);
    }
    if (response.statusCode() != 200) {
      throw new IOException(uri + ": HTTP " + response.statusCode());
    }
    WitnessBinding binding = WitnessBinding.parse(body);
    binding.verify(n.hotkey(), n.hotkeyScheme());
    return binding.witnessKey();
  }
}
