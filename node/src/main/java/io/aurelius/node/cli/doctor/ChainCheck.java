package io.aurelius.node.cli.doctor;

import io.aurelius.core.chain.ChainInfo;
import io.aurelius.core.chain.Endpoint;
import io.aurelius.core.chain.service.RemoteChain;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.transport.ClientLimits;
import io.aurelius.core.transport.PeerEndpoint;
import io.aurelius.core.transport.ProtocolClient;
import io.aurelius.core.transport.netty.NettyProtocolClient;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The chain answers: its {@code /healthz} over plain HTTP and, when its authority key is known, a
 * signed {@code chain/info} call whose answer must be signed by that key.
 */
final class ChainCheck {
  private ChainCheck() {}

  static Finding run(String endpoint, Optional<String> authority, Duration timeout) {
    String check = "chain";
    Endpoint at;
    try {
      at = Endpoint.parse(endpoint);
    } catch (IllegalArgumentException e) {
      return Finding.fail(
          check,
          "--chain-endpoint: " + e.getMessage(),
          "give --chain-endpoint as HOST:PORT, e.g. 127.0.0.1:9944");
    }
    String fixDown =
        "start it (aurelius chain --genesis FILE --listen " + at + ") or correct --chain-endpoint";
    try {
      HttpProbe.Answer health = new HttpProbe(timeout).get(URI.create("http://" + at + "/healthz"));
      if (health.status() != 200) {
        return Finding.fail(check, at + "/healthz answered " + health.status(), fixDown);
      }
    } catch (IOException e) {
      return Finding.fail(check, "cannot reach " + at + ": " + describe(e), fixDown);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Finding.fail(check, "interrupted", "run aurelius doctor again");
    }
    if (authority.isEmpty()) {
      return Finding.ok(
          check,
          at
              + " is up (add --chain-authority KEYID to check it answers as "
              + "the chain you expect)");
    }
    KeyId key;
    try {
      key = KeyId.parse(authority.get());
    } catch (IllegalArgumentException e) {
      return Finding.fail(
          check,
          "--chain-authority: " + e.getMessage(),
          "copy the authority from 'aurelius chain info' on the chain's machine");
    }
    try (ProtocolClient client =
        NettyProtocolClient.create(
            Ed25519KeyPair.generate(), ClientLimits.defaults().withRequestTimeout(timeout))) {
      ChainInfo info =
          new RemoteChain(
                  client, new PeerEndpoint(at.host(), at.port(), key, KeyScheme.ED25519), timeout)
              .info();
      return Finding.ok(
          check,
          at
              + " answers as "
              + key
              + ": chain "
              + info.chainId().substring(0, 12)
              + "…, netuid "
              + info.netuid()
              + ", block "
              + info.head());
    } catch (RuntimeException e) {
      return Finding.fail(
          check,
          at + " did not answer a signed chain/info as " + key + ": " + e.getMessage(),
          "check --chain-authority against 'aurelius chain info' on the chain's machine");
    }
  }

  static String describe(IOException e) {
    String m = e.getMessage();
    if (m != null && !m.isBlank()) {
      return m;
    }
    return e instanceof java.net.ConnectException
        ? "connection refused"
        : e.getClass().getSimpleName();
  }
}
