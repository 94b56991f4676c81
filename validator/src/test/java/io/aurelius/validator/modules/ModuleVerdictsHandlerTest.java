package io.aurelius.validator.modules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.config.module.ModuleSet;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.hash.ContentId;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.json.Json;
import io.aurelius.core.protocol.InMemoryPeerDirectory;
import io.aurelius.core.transport.ClientLimits;
import io.aurelius.core.transport.PeerEndpoint;
import io.aurelius.core.transport.ProtocolClient;
import io.aurelius.core.transport.ProtocolServer;
import io.aurelius.core.transport.Reply;
import io.aurelius.core.transport.ServerSpec;
import io.aurelius.core.transport.netty.NettyProtocolClient;
import io.aurelius.core.transport.netty.NettyProtocolServer;
import io.aurelius.validator.consensus.ValidatorSet;
import io.aurelius.validator.store.ValidatorStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validator/module-verdicts} on loopback: a validator's own signed verdicts are stored and
 * it is recorded as having reported; a stranger is refused 403, another validator's verdict 422,
 * and nothing of a refused body is stored.
 */
class ModuleVerdictsHandlerTest {
  @TempDir Path dir;
  private final Ed25519KeyPair self = Ed25519KeyPair.generate();
  private final Ed25519KeyPair peer = Ed25519KeyPair.generate();
  private final Ed25519KeyPair other = Ed25519KeyPair.generate();
  private final Ed25519KeyPair stranger = Ed25519KeyPair.generate();
  private final ContentId module = ContentId.of(new byte[] {7});

  @Test
  void aPeersOwnVerdictsAreStoredAndForgeriesRefused() throws Exception {
    try (ValidatorStore store = ValidatorStore.open(dir.resolve("state.db"))) {
      ModuleVerdictBook book = new ModuleVerdictBook(store);
      InMemoryPeerDirectory directory = new InMemoryPeerDirectory();
      for (Ed25519KeyPair k : List.of(peer, other, stranger)) {
        directory.register(KeyId.of(k.publicKey()), KeyScheme.ED25519, 1000);
      }
      ValidatorSet validators =
          new ValidatorSet(
              Map.of(
                  id(self), 1000L,
                  id(peer), 1000L,
                  id(other), 1000L));
      try (ProtocolServer server =
          NettyProtocolServer.start(
              ServerSpec.builder(self, directory)
                  .route(
                      ModuleVerdictsHandler.ROUTE,
                      ModuleVerdictsHandler.MAX_BODY_BYTES,
                      new ModuleVerdictsHandler(book, () -> validators))
                  .build())) {
        PeerEndpoint endpoint =
            new PeerEndpoint("127.0.0.1", server.port(), id(self), KeyScheme.ED25519);

        Reply ok = send(peer, endpoint, body(5, verdict(peer, 5)));
        assertThat(ok).isInstanceOf(Reply.Ok.class);
        assertThat(book.verdicts(5)).extracting(ModuleVerdict::validator).containsExactly(id(peer));
        assertThat(book.reporters(5)).containsExactly(id(peer));

        Reply strangers = send(stranger, endpoint, body(5, verdict(stranger, 5)));
        assertThat(((Reply.Refused) strangers).status()).isEqualTo(403);

        Reply forged = send(peer, endpoint, body(6, verdict(other, 6)));
        assertThat(((Reply.Refused) forged).status()).isEqualTo(422);
        assertThat(((Reply.Refused) forged).message()).contains("expected: the sender's own");
        assertThat(book.verdicts(6)).isEmpty();
        assertThat(book.reporters(6)).isEmpty();
      }
    }
  }

  private JsonNode verdict(Ed25519KeyPair by, long epoch) {
    return new ModuleVerdict(epoch, id(by), module, ModuleSet.BASE.version(), true).sign(by);
  }

  private static ObjectNode body(long epoch, JsonNode verdict) {
    ObjectNode o = Json.newObject().put("epoch", epoch);
    o.putArray("verdicts").add(verdict);
    return o;
  }

  private static Reply send(Ed25519KeyPair from, PeerEndpoint to, ObjectNode body) {
    try (ProtocolClient client = NettyProtocolClient.create(from, ClientLimits.defaults())) {
      return client.call(to, ModuleVerdictsHandler.ROUTE, body).join();
    }
  }

  private static KeyId id(Ed25519KeyPair k) {
    return KeyId.of(k.publicKey());
  }
}
