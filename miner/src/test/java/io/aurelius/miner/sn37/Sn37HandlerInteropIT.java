package io.aurelius.miner.sn37;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.config.CompiledConfig;
import io.aurelius.config.sn37.ScenarioConfigRequest;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.crypto.Sr25519KeyPair;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.identity.wallet.AccountId;
import io.aurelius.core.json.CanonicalJson;
import io.aurelius.core.testing.InteropPeer;
import io.aurelius.core.testing.TestData;
import io.aurelius.core.transport.InboundCall;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our miner's answers as SN37's validator reads them: {@code interop/sn37_peer.py} ({@code
 * .venv-interop/}, made by {@code .ci/setup}) loads each response body with {@code json.loads},
 * recomputes the work id from its {@code scenario_config} with {@code json.dumps(sort_keys=True)}
 * and the queried hotkey, and verifies the work-token signature with bittensor-wallet's {@code
 * Keypair}. Every schema_v1 fixture is served once, as the transport writes it (canonical JSON).
 */
class Sn37HandlerInteropIT {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private static InteropPeer peer;

  @TempDir static Path tmp;

  @BeforeAll
  static void findThePeer() throws IOException {
    peer = InteropPeer.open("sn37_peer.py", "bittensor-wallet", tmp);
  }

  @Test
  void sn37sValidatorRecomputesOurWorkIdsAndVerifiesOurSignatures() throws Exception {
    List<CompiledConfig> served = new ArrayList<>();
    try (Stream<Path> files = Files.list(TestData.path("aurelius-v1"))) {
      for (Path p : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        if (!p.getFileName().toString().equals("schema_v1.json")) {
          served.add(Sn37ScenarioConfigHandlerTest.imported(p.getFileName().toString()));
        }
      }
    }
    assertThat(served).hasSizeGreaterThanOrEqualTo(9);
    Sr25519KeyPair miner = Sr25519KeyPair.generate();
    String ss58 = AccountId.of(miner.publicKey().bytes()).ss58Address();
    ScenarioConfigHandler handler =
        new ScenarioConfigHandler(
            () -> served, miner, Clock.systemUTC(), new SecureRandom(), "interop/1");
    KeyId validator = KeyId.of(Ed25519KeyPair.generate().publicKey());
    ArrayNode requests = JSON.arrayNode();
    List<String> names = new ArrayList<>();
    for (CompiledConfig c : served) {
      ObjectNode body =
          handler.handle(
              new InboundCall(
                  ScenarioConfigHandler.ROUTE,
                  validator,
                  0,
                  "r",
                  ScenarioConfigRequest.of("round", "v").toJson()));
      names.add(body.get("scenario_config").get("name").textValue());
      requests.add(
          JSON.objectNode()
              .put("op", "response")
              .put("body", new String(CanonicalJson.bytes(body), StandardCharsets.UTF_8))
              .put("hotkey", ss58));
    }
    List<JsonNode> answers = peer.batch(requests, "miner " + ss58);
    for (int i = 0; i < answers.size(); i++) {
      JsonNode a = answers.get(i);
      assertThat(a.get("name").asText()).isEqualTo(names.get(i));
      assertThat(a.get("work_id_matches").asBoolean()).as(names.get(i)).isTrue();
      assertThat(a.get("signature_valid").asBoolean()).as(names.get(i)).isTrue();
    }
    assertThat(names).doesNotHaveDuplicates().hasSize(served.size());
  }
}
