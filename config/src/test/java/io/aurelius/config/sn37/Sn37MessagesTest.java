package io.aurelius.config.sn37;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonInputException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The SN37 request and response bodies: the pydantic {@code ScenarioConfigSynapse} of SN37's {@code
 * aurelius/protocol.py} (fb0217d), field for field and in its order (docs/protocol.md).
 */
class Sn37MessagesTest {
  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void ourRequestIsTheModelDumpOfAValidatorsSynapse() {
    assertThat(
            new String(
                ScenarioConfigRequest.of("req-1", "0.1.0").toBytes(), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"request_id\":\"req-1\",\"validator_version\":\"0.1.0\",\"protocol_version\":\"1.1.0\","
                + "\"scenario_config\":null,\"work_id\":null,\"work_id_nonce\":null,"
                + "\"work_id_time_ns\":null,\"work_id_signature\":null,\"miner_version\":null,"
                + "\"miner_protocol_version\":null}");
  }

  @Test
  void aRequestTakesTheModelsDefaultsAndIgnoresFieldsItDoesNotKnow() {
    assertThat(ScenarioConfigRequest.fromJson(utf8("{\"future_field\": [1]}")))
        .isEqualTo(new ScenarioConfigRequest("", "", "1.1.0"));
    assertThat(
            ScenarioConfigRequest.fromJson(
                utf8(
                    "{\"request_id\":\"r\",\"validator_version\":\"v\",\"protocol_version\":\"1.2.0\"}")))
        .isEqualTo(new ScenarioConfigRequest("r", "v", "1.2.0"));
  }

  @Test
  void aRequestFieldOfTheWrongTypeIsRefusedNamingIt() {
    assertThatThrownBy(() -> ScenarioConfigRequest.fromJson(utf8("{\"request_id\": null}")))
        .isInstanceOf(JsonInputException.class)
        .hasMessage("sn37 request: $.request_id: a JSON null (expected: a string)");
    assertThatThrownBy(() -> ScenarioConfigRequest.fromJson(utf8("[]")))
        .isInstanceOf(JsonInputException.class)
        .hasMessage("sn37 request: $: a JSON array (expected: object)");
    assertThatThrownBy(
            () ->
                ScenarioConfigRequest.fromJson(utf8("{\"request_id\":\"a\",\"request_id\":\"b\"}")))
        .isInstanceOf(JsonInputException.class)
        .hasMessageStartingWith("sn37 request: malformed JSON");
  }

  @Test
  void aResponseRoundTripsInTheModelsFieldOrder() {
    ObjectNode config = Json.newObject().put("name", "x");
    WorkToken token = new WorkToken(Sn37WorkTokenTest.WORK_ID, Sn37WorkTokenTest.NONCE, "17", "ab");
    ScenarioConfigResponse r =
        ScenarioConfigResponse.served(ScenarioConfigRequest.of("q", "9"), config, token, "0.1.0");
    String text = new String(r.toBytes(), StandardCharsets.UTF_8);
    assertThat(text)
        .isEqualTo(
            "{\"request_id\":\"q\",\"validator_version\":\"9\",\"protocol_version\":\"1.1.0\","
                + "\"scenario_config\":{\"name\":\"x\"},\"work_id\":\""
                + Sn37WorkTokenTest.WORK_ID
                + "\",\"work_id_nonce\":\""
                + Sn37WorkTokenTest.NONCE
                + "\",\"work_id_time_ns\":\"17\",\"work_id_signature\":\"ab\","
                + "\"miner_version\":\"0.1.0\",\"miner_protocol_version\":\"1.1.0\"}");
    assertThat(ScenarioConfigResponse.fromJson(r.toBytes())).isEqualTo(r);
  }

  @Test
  void aResponseOfAMinerWithNothingToServeHasEveryMinerFieldEmpty() {
    ScenarioConfigResponse r =
        ScenarioConfigResponse.fromJson(ScenarioConfigRequest.of("q", "9").toBytes());
    assertThat(r.scenarioConfig()).isEmpty();
    assertThat(r.workId()).isEmpty();
    assertThat(r.minerProtocolVersion()).isEmpty();
    assertThat(r.requestId()).isEqualTo("q");
  }

  @Test
  void aResponseFieldOfTheWrongTypeIsRefusedNamingIt() {
    assertThatThrownBy(() -> ScenarioConfigResponse.fromJson(utf8("{\"scenario_config\": \"x\"}")))
        .isInstanceOf(JsonInputException.class)
        .hasMessage(
            "sn37 response: $.scenario_config: a JSON string (expected: an object or null)");
    assertThatThrownBy(() -> ScenarioConfigResponse.fromJson(utf8("{\"work_id\": 5}")))
        .isInstanceOf(JsonInputException.class)
        .hasMessage("sn37 response: $.work_id: a JSON number (expected: a string or null)");
  }

  @Test
  void anOversizedResponseIsRefusedBeforeItIsParsed() {
    byte[] big = utf8("{\"miner_version\":\"" + "x".repeat(96 * 1024) + "\"}");
    assertThatThrownBy(() -> ScenarioConfigResponse.fromJson(big))
        .isInstanceOf(JsonInputException.class)
        .hasMessage("sn37 response: " + big.length + " bytes (expected: at most 98304)");
    assertThat(ScenarioConfigResponse.LIMITS.maxBytes()).isEqualTo(98304);
  }

  @Test
  void optionalsAreNeverNull() {
    assertThatThrownBy(
            () ->
                new ScenarioConfigResponse(
                    "",
                    "",
                    "",
                    Optional.empty(),
                    null,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("workId");
  }
}
