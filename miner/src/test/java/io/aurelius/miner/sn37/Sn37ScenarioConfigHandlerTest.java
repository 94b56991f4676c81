package io.aurelius.miner.sn37;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.config.CompiledConfig;
import io.aurelius.config.ConfigLoader;
import io.aurelius.config.catalogue.Catalogue;
import io.aurelius.config.sn37.PyJson;
import io.aurelius.config.sn37.ScenarioConfigRequest;
import io.aurelius.config.sn37.ScenarioConfigResponse;
import io.aurelius.config.sn37.WorkToken;
import io.aurelius.config.v1.V1Import;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.crypto.Sr25519KeyPair;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.identity.wallet.AccountId;
import io.aurelius.core.json.CanonicalJson;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonLimits;
import io.aurelius.core.protocol.ProtocolStatus;
import io.aurelius.core.testing.TestData;
import io.aurelius.core.transport.CallRefusedException;
import io.aurelius.core.transport.InboundCall;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Sn37ScenarioConfigHandlerTest {
  private static final Sr25519KeyPair MINER = Sr25519KeyPair.fromMiniSecret(new byte[32]);
  private static final String MINER_SS58 = AccountId.of(MINER.publicKey().bytes()).ss58Address();
  private static final KeyId VALIDATOR =
      KeyId.of(Ed25519KeyPair.fromSeed(new byte[32]).publicKey());
  private static final Instant NOW = Instant.ofEpochSecond(1_764_927_000L, 123_456_789L);
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final String NONCE = "000102030405060708090a0b0c0d0e0f";

  static JsonNode fixture(String name) throws Exception {
    byte[] bytes = Files.readAllBytes(TestData.path("aurelius-v1", name));
    return Json.parse(bytes, name, JsonLimits.UNTRUSTED);
  }

  static CompiledConfig imported(String name) throws Exception {
    return ConfigLoader.load(V1Import.convert(fixture(name), -1), name);
  }

  /** Nonces 00 01 02 … 0f, so the work token is fixed. */
  static Random counting() {
    return new Random() {
      @Override
      public void nextBytes(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
          bytes[i] = (byte) i;
        }
      }
    };
  }

  private static ScenarioConfigHandler handler(List<CompiledConfig> served) {
    return new ScenarioConfigHandler(() -> served, MINER, CLOCK, counting(), "test/1");
  }

  private static InboundCall call(JsonNode body) {
    return new InboundCall(ScenarioConfigHandler.ROUTE, VALIDATOR, 0, "req", body);
  }

  private static ScenarioConfigResponse answer(ScenarioConfigHandler h, String requestId) {
    ObjectNode out = h.handle(call(ScenarioConfigRequest.of(requestId, "val/2").toJson()));
    // The transport writes the handler's tree as canonical JSON: read back what a peer reads.
    return ScenarioConfigResponse.fromJson(CanonicalJson.bytes(out));
  }

  @Test
  void answersWithTheSchemaV1ConfigAndAWorkTokenSignedByTheMiner() throws Exception {
    ScenarioConfigResponse r =
        answer(handler(List.of(imported("water_rights_drought_v77.json"))), "round-7");
    assertThat(r.requestId()).isEqualTo("round-7");
    assertThat(r.validatorVersion()).isEqualTo("val/2");
    assertThat(r.protocolVersion()).isEqualTo("1.1.0");
    assertThat(r.minerVersion()).contains("test/1");
    assertThat(r.minerProtocolVersion()).contains("1.1.0");
    ObjectNode config = r.scenarioConfig().orElseThrow();
    assertThat(CanonicalJson.string(config))
        .isEqualTo(CanonicalJson.string(fixture("water_rights_drought_v77.json")));
    assertThat(r.workIdNonce()).contains(NONCE);
    assertThat(r.workIdTimeNs()).contains("1764927000123456789");
    WorkToken token =
        new WorkToken(
            r.workId().orElseThrow(),
            NONCE,
            "1764927000123456789",
            r.workIdSignature().orElseThrow());
    assertThat(token.workId())
        .isEqualTo(
            WorkToken.workId(PyJson.dumps(config), MINER_SS58, "1764927000123456789", NONCE));
    assertThat(token.signedBy(MINER.publicKey())).isTrue();
  }

  @Test
  void servesItsConfigurationsInTurn() throws Exception {
    ScenarioConfigHandler h =
        handler(
            List.of(
                imported("water_rights_drought_v77.json"),
                imported("parole_board_recidivism.json")));
    List<String> names =
        List.of(answer(h, "1"), answer(h, "2"), answer(h, "3")).stream()
            .map(r -> r.scenarioConfig().orElseThrow().get("name").textValue())
            .toList();
    assertThat(names)
        .containsExactly(
            "water_rights_drought_v77", "parole_board_recidivism", "water_rights_drought_v77");
  }

  @Test
  void leavesOutConfigurationsWithNoSchemaV1Form() throws Exception {
    CompiledConfig notExportable = nonExportableCatalogueConfig();
    ScenarioConfigHandler h =
        handler(List.of(notExportable, imported("parole_board_recidivism.json")));
    assertThat(answer(h, "1").scenarioConfig().orElseThrow().get("name").textValue())
        .isEqualTo("parole_board_recidivism");
    assertThat(answer(h, "2").scenarioConfig().orElseThrow().get("name").textValue())
        .isEqualTo("parole_board_recidivism");
    assertThatThrownBy(() -> answer(handler(List.of(notExportable)), "x"))
        .isInstanceOf(CallRefusedException.class)
        .hasMessage(
            "sn37: no configuration to serve (expected: a library with at least one configuration"
                + " that exports to schema_v1)")
        .extracting(e -> ((CallRefusedException) e).status())
        .isEqualTo(ProtocolStatus.UNPROCESSABLE);
  }

  @Test
  void aRequestThatIsNotSn37sObjectIsRefusedWithItsReason() {
    ObjectNode body = Json.newObject().put("request_id", 5);
    assertThatThrownBy(() -> handler(List.of()).handle(call(body)))
        .isInstanceOf(CallRefusedException.class)
        .hasMessage("sn37 request: $.request_id: a JSON number (expected: a string)");
  }

  @Test
  void theRouteIsSn37s() {
    assertThat(ScenarioConfigHandler.ROUTE).isEqualTo("/aurelius/v1/scenario_config");
  }

  private static CompiledConfig nonExportableCatalogueConfig() {
    for (String name : Catalogue.names()) {
      CompiledConfig c = Catalogue.load(name).orElseThrow();
      if (new V1Shelf(() -> List.of(c)).offers().isEmpty()) {
        return c;
      }
    }
    throw new AssertionError("every catalogue scenario exports to schema_v1");
  }
}
