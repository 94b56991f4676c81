package io.aurelius.validator.sn37;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.config.CompiledConfig;
import io.aurelius.config.ConfigLoader;
import io.aurelius.config.sn37.PyJson;
import io.aurelius.config.sn37.ScenarioConfigRequest;
import io.aurelius.config.sn37.ScenarioConfigResponse;
import io.aurelius.config.sn37.WorkToken;
import io.aurelius.config.v1.V1Import;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.crypto.Signer;
import io.aurelius.core.crypto.Sr25519KeyPair;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.identity.wallet.AccountId;
import io.aurelius.core.json.CanonicalJson;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonLimits;
import io.aurelius.core.testing.TestData;
import io.aurelius.core.transport.InboundCall;
import io.aurelius.miner.sn37.ScenarioConfigHandler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Our validator reading SN37-style answers: our own miner's handler (the same bytes an SN37 miner
 * sends, docs/protocol.md) is accepted and imported; each way an answer can be wrong is refused
 * with its one-line reason, and nothing throws.
 */
class Sn37ClientTest {
  private static final Sr25519KeyPair MINER = Sr25519KeyPair.fromMiniSecret(new byte[32]);
  private static final String MINER_SS58 = AccountId.of(MINER.publicKey().bytes()).ss58Address();
  private static final Instant STAMPED = Instant.ofEpochSecond(1_764_927_000L, 5L);
  private static final String NONCE = "000102030405060708090a0b0c0d0e0f";
  private static final Sn37Client CLIENT = new Sn37Client("val/3");

  private static JsonNode fixture(String path) throws Exception {
    byte[] bytes = Files.readAllBytes(TestData.path("aurelius-v1").resolve(path));
    return Json.parse(bytes, path, JsonLimits.UNTRUSTED);
  }

  private static Random counting() {
    return new Random() {
      @Override
      public void nextBytes(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
          bytes[i] = (byte) i;
        }
      }
    };
  }

  /** What our miner's handler answers, as the transport writes it (canonical JSON). */
  private static byte[] minerAnswer(String fixture) throws Exception {
    CompiledConfig served = ConfigLoader.load(V1Import.convert(fixture(fixture), -1), fixture);
    ScenarioConfigHandler handler =
        new ScenarioConfigHandler(
            () -> List.of(served), MINER, Clock.fixed(STAMPED, ZoneOffset.UTC), counting(), "m/1");
    JsonNode request = Json.parse(CLIENT.requestBody("round-1"), "request", JsonLimits.UNTRUSTED);
    KeyId validator = KeyId.of(Ed25519KeyPair.fromSeed(new byte[32]).publicKey());
    ObjectNode out =
        handler.handle(new InboundCall(ScenarioConfigHandler.ROUTE, validator, 0, "r", request));
    return CanonicalJson.bytes(out);
  }

  /** An answer carrying {@code config}, stamped at {@link #STAMPED} and signed by {@code key}. */
  private static byte[] answer(JsonNode config, Signer key) {
    WorkToken token = WorkToken.issue(config, key, STAMPED, counting());
    return ScenarioConfigResponse.served(
            ScenarioConfigRequest.of("round-1", "val/3"), (ObjectNode) config, token, "m/1")
        .toBytes();
  }

  private static String refusal(byte[] body, Instant anchor) {
    Sn37Answer a = CLIENT.read(body, MINER.publicKey(), anchor);
    assertThat(a).isInstanceOf(Sn37Answer.Refused.class);
    return ((Sn37Answer.Refused) a).reason();
  }

  private static ObjectNode edit(byte[] body) {
    return (ObjectNode) Json.parse(body, "answer", JsonLimits.UNTRUSTED);
  }

  private static byte[] bytes(JsonNode n) {
    return n.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void theRequestIsSn37sSynapseWithTheMinersFieldsNull() {
    assertThat(new String(CLIENT.requestBody("round-1"), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"request_id\":\"round-1\",\"validator_version\":\"val/3\",\"protocol_version\":\"1.1.0\","
                + "\"scenario_config\":null,\"work_id\":null,\"work_id_nonce\":null,"
                + "\"work_id_time_ns\":null,\"work_id_signature\":null,\"miner_version\":null,"
                + "\"miner_protocol_version\":null}");
    assertThat(Sn37Client.ROUTE).isEqualTo("/aurelius/v1/scenario_config");
  }

  @Test
  void ourMinersAnswerIsAcceptedAndImported() throws Exception {
    Sn37Answer a =
        CLIENT.read(
            minerAnswer("water_rights_drought_v77.json"),
            MINER.publicKey(),
            STAMPED.plusSeconds(300));
    assertThat(a).isInstanceOf(Sn37Answer.Accepted.class);
    Sn37Answer.Accepted ok = (Sn37Answer.Accepted) a;
    assertThat(ok.config().config().name()).isEqualTo("water_rights_drought_v77");
    assertThat(ok.config().config().action("scene_1_choice")).isPresent();
    assertThat(CanonicalJson.string(ok.v1()))
        .isEqualTo(CanonicalJson.string(fixture("water_rights_drought_v77.json")));
    assertThat(ok.token().nonce()).isEqualTo(NONCE);
    assertThat(ok.token().timeNs()).isEqualTo("1764927000000000005");
    assertThat(ok.minerVersion()).isEqualTo("m/1");
  }

  @Test
  void aTamperedWorkIdIsRefused() throws Exception {
    ObjectNode body = edit(minerAnswer("parole_board_recidivism.json"));
    String id = body.get("work_id").textValue();
    String tampered = (id.charAt(0) == '0' ? "1" : "0") + id.substring(1);
    body.put("work_id", tampered);
    String dumps = PyJson.dumps(body.get("scenario_config"));
    assertThat(refusal(bytes(body), STAMPED))
        .isEqualTo(
            "sn37 response: $.work_id: "
                + tampered
                + " (expected: "
                + WorkToken.workId(dumps, MINER_SS58, "1764927000000000005", NONCE)
                + ", from the configuration, hotkey "
                + MINER_SS58
                + ", time and nonce)");
  }

  @Test
  void aConfigurationChangedAfterStampingIsRefused() throws Exception {
    ObjectNode body = edit(minerAnswer("parole_board_recidivism.json"));
    ((ObjectNode) body.get("scenario_config")).put("morebench_context", "something else");
    assertThat(refusal(bytes(body), STAMPED)).startsWith("sn37 response: $.work_id: ");
  }

  @Test
  void aTokenSignedByAnotherKeyIsRefused() throws Exception {
    Sr25519KeyPair other =
        Sr25519KeyPair.fromMiniSecret(
            new byte[] {
              1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24,
              25, 26, 27, 28, 29, 30, 31, 32
            });
    // The other key stamps for itself; presented as MINER's answer the work id names the wrong
    // hotkey. Restamped under MINER's hotkey but signed by the other key, only the signature fails.
    JsonNode config = fixture("parole_board_recidivism.json");
    assertThat(refusal(answer(config, other), STAMPED)).startsWith("sn37 response: $.work_id: ");
    ObjectNode body = edit(answer(config, MINER));
    String workId = body.get("work_id").textValue();
    body.put(
        "work_id_signature",
        java.util.HexFormat.of().formatHex(other.sign(WorkToken.signedMessage(workId))));
    assertThat(refusal(bytes(body), STAMPED))
        .isEqualTo(
            "sn37 response: $.work_id_signature: not a sr25519 signature of the work id by "
                + MINER_SS58
                + " (expected: the queried miner's hotkey)");
  }

  @Test
  void anEd25519KeyWithTheSameBytesDoesNotVerifyAnSr25519Token() throws Exception {
    Sn37Answer a =
        CLIENT.read(
            minerAnswer("parole_board_recidivism.json"),
            KeyScheme.ED25519.publicKey(MINER.publicKey().bytes()),
            STAMPED);
    assertThat(((Sn37Answer.Refused) a).reason())
        .startsWith("sn37 response: $.work_id_signature: not a ed25519 signature");
  }

  @Test
  void aStaleOrFutureStampIsRefused() throws Exception {
    byte[] body = minerAnswer("parole_board_recidivism.json");
    assertThat(CLIENT.read(body, MINER.publicKey(), STAMPED.plusSeconds(300)))
        .isInstanceOf(Sn37Answer.Accepted.class);
    assertThat(CLIENT.read(body, MINER.publicKey(), STAMPED.minusSeconds(300)))
        .isInstanceOf(Sn37Answer.Accepted.class);
    assertThat(refusal(body, STAMPED.plusSeconds(300).plusNanos(6)))
        .isEqualTo(
            "sn37 response: $.work_id_time_ns: 1764927000000000005 is 300 s from this validator's"
                + " anchor 1764927300000000011 (expected: within 300 s)");
    assertThat(refusal(body, STAMPED.minusSeconds(301)))
        .isEqualTo(
            "sn37 response: $.work_id_time_ns: 1764927000000000005 is 301 s from this validator's"
                + " anchor 1764926699000000005 (expected: within 300 s)");
  }

  @Test
  void aSchemaInvalidConfigurationIsRefusedWithItsV1Path() throws Exception {
    JsonNode invalid = fixture("invalid/predictive_policing_civil_liberties_v15.json");
    assertThat(refusal(answer(invalid, MINER), STAMPED))
        .isEqualTo(
            "sn37 response: schema_v1: $.agents[1].name: 36 characters (expected: at most 30)");
  }

  @Test
  void anOversizedAnswerIsRefusedUnread() throws Exception {
    ObjectNode body = edit(minerAnswer("parole_board_recidivism.json"));
    body.put("miner_version", "x".repeat(Sn37Client.MAX_RESPONSE_BYTES));
    byte[] big = bytes(body);
    assertThat(refusal(big, STAMPED))
        .isEqualTo("sn37 response: " + big.length + " bytes (expected: at most 98304)");
  }

  @Test
  void missingOrMalformedFieldsAreRefusedNamingThem() throws Exception {
    byte[] good = minerAnswer("parole_board_recidivism.json");
    ObjectNode noConfig = edit(good);
    noConfig.putNull("scenario_config");
    assertThat(refusal(bytes(noConfig), STAMPED))
        .isEqualTo(
            "sn37 response: $.scenario_config: missing (expected: a schema_v1 configuration)");
    ObjectNode noNonce = edit(good);
    noNonce.remove("work_id_nonce");
    assertThat(refusal(bytes(noNonce), STAMPED))
        .isEqualTo("sn37 response: $.work_id_nonce: missing (expected: 32 lowercase hex digits)");
    ObjectNode prefixed = edit(good);
    prefixed.put("work_id_signature", "0x" + prefixed.get("work_id_signature").textValue());
    assertThat(refusal(bytes(prefixed), STAMPED))
        .startsWith("sn37 response: $.work_id_signature: '0x")
        .endsWith("(expected: lowercase hex without 0x)");
    ObjectNode major2 = edit(good);
    major2.put("miner_protocol_version", "2.0.0");
    assertThat(refusal(bytes(major2), STAMPED))
        .isEqualTo(
            "sn37 response: $.miner_protocol_version: '2.0.0' (expected: major version 1, as 1.1.0)");
    assertThat(refusal("[1,2".getBytes(StandardCharsets.UTF_8), STAMPED))
        .startsWith("sn37 response: malformed JSON");
    assertThat(refusal(new byte[] {(byte) 0xff}, STAMPED)).startsWith("sn37 response: ");
    assertThat(refusal(bytes(nothingToServe()), STAMPED))
        .isEqualTo("sn37 response: $.miner_protocol_version: missing (expected: a version x.y.z)");
  }

  /** What SN37's miner answers when it has nothing to serve: the request echoed, fields null. */
  private static JsonNode nothingToServe() {
    return Json.parse(CLIENT.requestBody("round-1"), "nulls", JsonLimits.UNTRUSTED);
  }
}
