package io.aurelius.core.chain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.core.chain.Endpoint;
import io.aurelius.core.chain.Receipt;
import io.aurelius.core.chain.RejectReason;
import io.aurelius.core.chain.Role;
import io.aurelius.core.chain.TestKeys;
import io.aurelius.core.chain.dev.ChainDataDir;
import io.aurelius.core.chain.dev.DevChain;
import io.aurelius.core.chain.dev.Genesis;
import io.aurelius.core.chain.dev.SubnetParams;
import io.aurelius.core.chain.extrinsic.Extrinsic;
import io.aurelius.core.chain.extrinsic.ExtrinsicCodec;
import io.aurelius.core.chain.extrinsic.Transfer;
import io.aurelius.core.chain.store.BlockCodec;
import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.json.CanonicalJson;
import io.aurelius.core.json.Json;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service through its JSON entry point, as a transport route calls it. */
class ChainServiceTest {
  @TempDir Path dir;
  private DevChain chain;
  private ChainService service;

  @BeforeEach
  void start() {
    SubnetParams p = SubnetParams.defaults(37);
    Genesis g =
        new Genesis(
            p,
            Optional.empty(),
            Optional.empty(),
            List.of(new Genesis.Account(TestKeys.id(1), 1_000)),
            List.of(
                new Genesis.Neuron(
                    TestKeys.id(2),
                    KeyScheme.ED25519,
                    TestKeys.id(1),
                    Role.VALIDATOR,
                    new Endpoint("127.0.0.1", 9),
                    50)));
    chain = DevChain.create(new ChainDataDir(dir), g, TestKeys.key(90), InstantSource.system());
    service = new ChainService(chain);
  }

  @AfterEach
  void stop() {
    chain.close();
  }

  @Test
  void infoMetagraphAndAccountRoundTripThroughJson() {
    JsonNode info = call(ChainRoute.INFO, "{}");
    assertThat(ChainJson.info(info)).isEqualTo(chain.info());
    assertThat(info.get("weight_setting").get("mode").asText()).isEqualTo("commit_reveal");

    JsonNode metagraph = call(ChainRoute.METAGRAPH, "{\"with_weights\": true}");
    assertThat(ChainJson.metagraph(metagraph)).isEqualTo(chain.metagraph(true));
    assertThat(metagraph.get("neurons").get(0).get("role").asText()).isEqualTo("validator");

    JsonNode account = call(ChainRoute.ACCOUNT, "{\"account\": \"" + TestKeys.id(1) + "\"}");
    assertThat(ChainJson.account(account).balance()).isEqualTo(1_000);
    JsonNode stranger = call(ChainRoute.ACCOUNT, "{\"account\": \"" + TestKeys.id(5) + "\"}");
    assertThat(stranger.get("nonce").asLong()).isZero();
  }

  @Test
  void submitAnswersAcceptedOrRejectedWithAReason() {
    Extrinsic ok =
        Extrinsic.sign(chain.chainId(), TestKeys.key(1), 0, new Transfer(TestKeys.id(3), 10));
    Receipt accepted =
        ChainJson.receipt(call(ChainRoute.SUBMIT, "{\"extrinsic\": " + json(ok) + "}"));
    assertThat(accepted).isEqualTo(new Receipt.Accepted(ok.hash(), 1));
    Receipt replayed =
        ChainJson.receipt(call(ChainRoute.SUBMIT, "{\"extrinsic\": " + json(ok) + "}"));
    assertThat(((Receipt.Rejected) replayed).reason()).isEqualTo(RejectReason.WRONG_NONCE);

    chain.seal();
    JsonNode block = call(ChainRoute.BLOCK, "{\"number\": 1}");
    assertThat(block.get("commit").asText()).hasSize(40);
    assertThat(BlockCodec.fromTree(block.get("block"), "b").block().extrinsics())
        .containsExactly(ok);
  }

  @Test
  void unreadableRequestsAre400AndMissingBlocks404() {
    assertStatus(
        ChainRoute.INFO,
        "{\"x\": 1}",
        400,
        "/v1/chain/info: x: unknown field (expected: no fields)");
    assertStatus(
        ChainRoute.METAGRAPH,
        "{\"with_weights\": \"yes\"}",
        400,
        "/v1/chain/metagraph: with_weights");
    assertStatus(
        ChainRoute.ACCOUNT,
        "{\"account\": \"bob\"}",
        400,
        "/v1/chain/account: account: key id 'bob'");
    assertStatus(
        ChainRoute.SUBMIT, "{\"extrinsic\": {\"signer\": 1}}", 400, "/v1/chain/submit extrinsic: ");
    assertStatus(ChainRoute.SUBMIT, "[]", 400, "/v1/chain/submit: : array (expected: an object)");
    assertStatus(
        ChainRoute.BLOCK, "{\"number\": 99}", 404, "block 99 does not exist (expected: 0..0)");
    assertThat(ChainRoute.byPath("/v1/chain/metagraph")).contains(ChainRoute.METAGRAPH);
    assertThat(ChainRoute.byPath("/v1/chain/nope")).isEmpty();
  }

  private JsonNode call(ChainRoute route, String body) {
    JsonNode response =
        service.handle(route, Json.parse(body, route.path(), ChainService.REQUEST_LIMITS));
    // What goes on the wire must be canonical-JSON clean (no NaN, exact integers).
    CanonicalJson.bytes(response);
    return response;
  }

  private void assertStatus(ChainRoute route, String body, int status, String messageStart) {
    assertThatThrownBy(() -> call(route, body))
        .isInstanceOf(ChainRequestException.class)
        .hasMessageStartingWith(messageStart)
        .satisfies(e -> assertThat(((ChainRequestException) e).status()).isEqualTo(status));
  }

  private static String json(Extrinsic x) {
    return ExtrinsicCodec.toTree(x).toString();
  }
}
