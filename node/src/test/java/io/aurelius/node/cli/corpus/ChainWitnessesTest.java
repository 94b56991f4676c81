package io.aurelius.node.cli.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.aurelius.anchoring.note.NoteSigner;
import io.aurelius.anchoring.note.StakeThreshold;
import io.aurelius.anchoring.note.VerifierKey;
import io.aurelius.anchoring.note.WitnessBinding;
import io.aurelius.anchoring.verify.TrustPolicy;
import io.aurelius.core.chain.Endpoint;
import io.aurelius.core.chain.Metagraph;
import io.aurelius.core.chain.NeuronInfo;
import io.aurelius.core.chain.Role;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.crypto.Signer;
import io.aurelius.core.crypto.Sr25519KeyPair;
import io.aurelius.core.identity.KeyId;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Witnesses from a metagraph: Ed25519 hotkeys are their own keys, sr25519 hotkeys are bound by the
 * statement they serve, and a validator whose statement cannot be had or does not verify keeps its
 * stake against the quorum.
 */
class ChainWitnessesTest {
  private static final String ORIGIN = "aurelius.test/corpus";
  private final List<HttpServer> servers = new ArrayList<>();

  @AfterEach
  void stop() {
    servers.forEach(s -> s.stop(0));
  }

  @Test
  void validatorsBecomeWitnessesByTheKeysTheirHotkeysVouchFor() throws Exception {
    Ed25519KeyPair edHotkey = Ed25519KeyPair.generate();
    Sr25519KeyPair honest = Sr25519KeyPair.generate();
    Ed25519KeyPair honestLogKey = Ed25519KeyPair.generate();
    Sr25519KeyPair victim = Sr25519KeyPair.generate();
    Sr25519KeyPair silent = Sr25519KeyPair.generate();
    // Someone else's statement claiming the victim's name for their own key: signed by the wrong
    // hotkey, so it binds nothing.
    VerifierKey claimed =
        new NoteSigner(KeyId.of(victim.publicKey()).address(), Ed25519KeyPair.generate())
            .cosignerKey();
    byte[] forged =
        new WitnessBinding(
                KeyId.of(victim.publicKey()),
                claimed,
                Sr25519KeyPair.generate().sign(new byte[] {1}))
            .bytes();

    Metagraph graph =
        new Metagraph(
            1,
            10,
            List.of(
                neuron(0, edHotkey, KeyScheme.ED25519, Role.VALIDATOR, Endpoint.NONE, 100),
                neuron(
                    1,
                    honest,
                    KeyScheme.SR25519,
                    Role.VALIDATOR,
                    serve(WitnessBinding.sign(honest, cosigner(honest, honestLogKey)).bytes()),
                    500),
                neuron(2, victim, KeyScheme.SR25519, Role.VALIDATOR, serve(forged), 300),
                neuron(3, silent, KeyScheme.SR25519, Role.VALIDATOR, Endpoint.NONE, 50),
                neuron(
                    4,
                    Sr25519KeyPair.generate(),
                    KeyScheme.SR25519,
                    Role.MINER,
                    Endpoint.NONE,
                    1000)));
    StringWriter notes = new StringWriter();
    TrustPolicy policy =
        ChainWitnesses.policy(
            graph, "the chain", ORIGIN, StakeThreshold.TWO_THIRDS, new PrintWriter(notes, true));

    assertThat(policy.witnesses().stakes())
        .isEqualTo(
            Map.of(
                WitnessBinding.ofEd25519Hotkey(KeyId.of(edHotkey.publicKey())),
                100L,
                cosigner(honest, honestLogKey),
                500L));
    assertThat(policy.witnesses().unboundStake()).isEqualTo(350);
    assertThat(policy.witnesses().totalStake()).hasToString("950");
    assertThat(policy.logKeys())
        .contains(new NoteSigner(ORIGIN, honestLogKey).verifierKey())
        .hasSize(2);
    assertThat(policy.source())
        .isEqualTo("the chain (block 10: 4 validators, 2 with a known cosignature key)");
    assertThat(notes.toString())
        .contains("witness " + KeyId.of(victim.publicKey()) + " (stake 300)")
        .contains("signature does not verify")
        .contains("witness " + KeyId.of(silent.publicKey()) + " (stake 50)")
        .contains("no endpoint on the chain");
  }

  private static VerifierKey cosigner(Signer hotkey, Ed25519KeyPair logKey) {
    return new NoteSigner(KeyId.of(hotkey.publicKey()).address(), logKey).cosignerKey();
  }

  private Endpoint serve(byte[] body) throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        WitnessBinding.PATH,
        exchange -> {
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    servers.add(server);
    return new Endpoint("127.0.0.1", server.getAddress().getPort());
  }

  private static NeuronInfo neuron(
      int uid, Signer hotkey, KeyScheme scheme, Role role, Endpoint endpoint, long stake) {
    KeyId id = KeyId.of(hotkey.publicKey());
    return new NeuronInfo(
        uid, id, scheme, id, role, endpoint, stake, true, true, 0, 0, 0, 0, 0, 0, 0, false,
        List.of());
  }
}
