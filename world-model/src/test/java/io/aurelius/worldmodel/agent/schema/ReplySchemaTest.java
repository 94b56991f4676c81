package io.aurelius.worldmodel.agent.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.core.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplySchemaTest {
  @Test
  void jsonSchemaIsStrictStructuredOutput() {
    JsonNode s = SampleSchemas.commons().toJsonSchema();
    assertThat(s.get("additionalProperties").asBoolean()).isFalse();
    assertThat(s.get("required"))
        .extracting(JsonNode::asText)
        .containsExactly("reasoning", "action");
    JsonNode branches = s.at("/properties/action/anyOf");
    assertThat(branches).hasSize(3);
    for (JsonNode b : branches) {
      assertThat(b.get("additionalProperties").asBoolean()).isFalse();
      assertThat(b.at("/properties/params/additionalProperties").asBoolean()).isFalse();
      assertThat(b.at("/properties/params/required").size())
          .isEqualTo(b.at("/properties/params/properties").size());
    }
    JsonNode amount = branches.get(0).at("/properties/params/properties/amount");
    assertThat(amount.get("minimum").asLong()).isZero();
    assertThat(amount.get("maximum").asLong()).isEqualTo(20);
    assertThat(branches.get(1).at("/properties/params/properties/to/enum"))
        .extracting(JsonNode::asText)
        .containsExactly("ana", "bo");
  }

  @Test
  void readsBackWhatItWrites() {
    for (ReplySchema schema : List.of(SampleSchemas.commons(), SampleSchemas.allKinds())) {
      assertThat(ReplySchema.fromJsonSchema(schema.toJsonSchema()))
          .hasValueSatisfying(
              back -> {
                assertThat(back.actions()).isEqualTo(schema.actions());
                assertThat(back.maxReasoningChars()).isEqualTo(schema.maxReasoningChars());
              });
    }
  }

  @Test
  void otherSchemasAreNotReadAsTurns() {
    assertThat(
            ReplySchema.fromJsonSchema(
                Json.parse(
                    "{\"type\":\"object\",\"properties\":{\"verdict\":{\"type\":" + "\"string\"}}}",
                    "s",
                    io.aurelius.core.json.JsonLimits.UNTRUSTED)))
        .isEmpty();
  }

  @Test
  void refusesDuplicateActionsAndUnboundedRanges() {
    ActionChoice wait = new ActionChoice("wait", "", Map.of());
    assertThatThrownBy(() -> new ReplySchema(List.of(wait, wait)))
        .hasMessage("actions: 'wait' twice (expected: unique names)");
    assertThatThrownBy(() -> new ReplySchema(List.of()))
        .hasMessageContaining("expected: at least one legal action");
    assertThatThrownBy(() -> new ParamSpec.IntRange(5, 1))
        .hasMessage("int range: 5..1 (expected: min <= max)");
  }
}
