package io.aurelius.worldmodel.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonLimits;
import io.aurelius.worldmodel.agent.Decision;
import io.aurelius.worldmodel.agent.PromptMessage;
import io.aurelius.worldmodel.agent.schema.ParsedReply;
import io.aurelius.worldmodel.agent.schema.ReplyParser;
import io.aurelius.worldmodel.agent.schema.ReplySchema;
import io.aurelius.worldmodel.agent.schema.SampleSchemas;
import io.aurelius.worldmodel.value.Value;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SimModelTest {
  private static final String SYSTEM =
      "I am Mara, a fisher on the north shore. My goal is to feed my family through "
          + "the winter.";
  private static final String CALM =
      "It is morning on the lake. The water holds about 60 fish. Ana and Bo are "
          + "readying their boats beside me.";
  private static final String GRASPING =
      "It is morning on the lake. Yesterday Ana took 18 fish and Bo kept his whole "
          + "catch, though the lake shrank to 30.";
  private final ReplySchema schema = SampleSchemas.commons();

  private String answer(String observation, long seed, String persona) {
    return SimModel.answer(
        List.of(PromptMessage.system(SYSTEM), PromptMessage.user(observation)),
        Optional.of(schema.toJsonSchema()),
        seed,
        Optional.ofNullable(persona));
  }

  private Decision decide(String observation, long seed, String persona) {
    ParsedReply r = ReplyParser.parse(answer(observation, seed, persona), schema);
    assertThat(r).isInstanceOf(ParsedReply.Legal.class);
    return ((ParsedReply.Legal) r).decision();
  }

  @Test
  void sameRequestSameAnswerAndSeedsVary() {
    assertThat(answer(CALM, 7, null)).isEqualTo(answer(CALM, 7, null));
    Set<String> answers = new HashSet<>();
    for (long seed = 0; seed < 20; seed++) {
      answers.add(answer(CALM, seed, null));
    }
    assertThat(answers).hasSizeGreaterThan(15);
  }

  @Test
  void alwaysAnswersWithinTheSchemaItIsSent() {
    for (String persona : List.of("cooperative", "selfish", "reciprocal", "cautious", "erratic")) {
      for (long seed = 0; seed < 40; seed++) {
        decide(seed % 2 == 0 ? CALM : GRASPING, seed, persona);
      }
    }
    ReplySchema all = SampleSchemas.allKinds();
    for (long seed = 0; seed < 40; seed++) {
      String raw =
          SimModel.answer(
              List.of(PromptMessage.user(CALM)),
              Optional.of(all.toJsonSchema()),
              seed,
              Optional.of("erratic"));
      assertThat(ReplyParser.parse(raw, all)).isInstanceOf(ParsedReply.Legal.class);
    }
  }

  @Test
  void personasLeanDifferently() {
    double selfish = meanNetTake("selfish");
    double cooperative = meanNetTake("cooperative");
    assertThat(selfish).isGreaterThan(10);
    assertThat(cooperative).isLessThan(0);
    long cautiousWaits = countAction("cautious", "wait");
    long selfishWaits = countAction("selfish", "wait");
    assertThat(cautiousWaits).isGreaterThan(selfishWaits + 20);
  }

  @Test
  void reciprocalAgentsMirrorWhatOthersDid() {
    long givesWhenCalm = 0;
    long givesAfterGrasping = 0;
    for (long seed = 0; seed < 60; seed++) {
      givesWhenCalm += decide(CALM, seed, "reciprocal").action().equals("give") ? 1 : 0;
      givesAfterGrasping += decide(GRASPING, seed, "reciprocal").action().equals("give") ? 1 : 0;
    }
    assertThat(givesWhenCalm).isGreaterThan(40);
    assertThat(givesAfterGrasping).isZero();
  }

  @Test
  void reasoningDrawsOnTheObservationAndVariesItsAttention() {
    int mentionsOthers = 0;
    int mentionsGoal = 0;
    int quotesObservation = 0;
    Set<Integer> lengths = new HashSet<>();
    for (long seed = 0; seed < 100; seed++) {
      String reasoning = decide(CALM, seed, null).reasoning();
      mentionsOthers += reasoning.contains("Ana") || reasoning.contains("Bo") ? 1 : 0;
      mentionsGoal += reasoning.contains("feed my family") ? 1 : 0;
      quotesObservation +=
          reasoning.contains("60 fish") || reasoning.contains("readying their boats") ? 1 : 0;
      lengths.add(reasoning.length() / 40);
    }
    assertThat(mentionsOthers).isBetween(20, 95);
    assertThat(mentionsGoal).isBetween(5, 80);
    assertThat(quotesObservation).isGreaterThan(50);
    assertThat(lengths).hasSizeGreaterThan(4);
  }

  @Test
  void personaDerivedFromTheSystemMessageIsStable() {
    assertThat(Persona.derive(SYSTEM)).isEqualTo(Persona.derive(SYSTEM));
    Set<Persona> seen = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      seen.add(Persona.derive("I am agent " + i));
    }
    assertThat(seen).containsExactlyInAnyOrder(Persona.values());
  }

  @Test
  void answersOtherSchemasWithAConformingInstance() {
    JsonNode rubric =
        Json.parse(
            "{\"type\":\"object\",\"properties\":{\"score\":{\"type\":\"integer\",\"minimum\":1,"
                + "\"maximum\":5},\"verdict\":{\"type\":\"string\",\"enum\":[\"yes\",\"no\"]},\"why\":{\"type\":\"string\"},"
                + "\"flags\":{\"type\":\"array\",\"items\":{\"type\":\"boolean\"},\"minItems\":2,\"maxItems\":2}},"
                + "\"required\":[\"score\",\"verdict\",\"why\",\"flags\"],\"additionalProperties\":false}",
            "s",
            JsonLimits.UNTRUSTED);
    for (long seed = 0; seed < 20; seed++) {
      JsonNode out =
          Json.parse(
              SimModel.answer(
                  List.of(PromptMessage.user(CALM)), Optional.of(rubric), seed, Optional.empty()),
              "answer",
              JsonLimits.UNTRUSTED);
      assertThat(out.get("score").asInt()).isBetween(1, 5);
      assertThat(out.get("verdict").asText()).isIn("yes", "no");
      assertThat(out.get("why").asText()).isNotBlank();
      assertThat(out.get("flags")).hasSize(2);
    }
    assertThat(
            SimModel.answer(
                List.of(PromptMessage.user(CALM)), Optional.empty(), 1, Optional.empty()))
        .doesNotStartWith("{")
        .isNotBlank();
  }

  /** Fish taken minus fish given, per turn. */
  private double meanNetTake(String persona) {
    long sum = 0;
    for (long seed = 0; seed < 80; seed++) {
      Decision d = decide(CALM, seed, persona);
      long amount =
          d.params().containsKey("amount") ? ((Value.Int) d.params().get("amount")).value() : 0;
      sum += d.action().equals("harvest") ? amount : d.action().equals("give") ? -amount : 0;
    }
    return sum / 80.0;
  }

  private long countAction(String persona, String action) {
    long n = 0;
    for (long seed = 0; seed < 80; seed++) {
      n += decide(CALM, seed, persona).action().equals(action) ? 1 : 0;
    }
    return n;
  }
}
