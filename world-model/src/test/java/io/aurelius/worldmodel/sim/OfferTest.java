package io.aurelius.worldmodel.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonLimits;
import io.aurelius.worldmodel.agent.PromptMessage;
import io.aurelius.worldmodel.agent.schema.ReplySchema;
import io.aurelius.worldmodel.agent.schema.SampleSchemas;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The sim agent can only be as concrete as what it was shown. */
class OfferTest {
  private static final String SYSTEM =
      "I am Mara, a fisher on the north shore. My goal is to feed my two children "
          + "through the winter without emptying the lake.";
  private static final String RICH =
      "It is morning on the lake. The water holds about 60 fish, down from 90. "
          + "Ana and Bo are readying their boats beside me, but if we all take our usual share the lake will not recover.";
  private static final String VAGUE_SYSTEM =
      "I am someone who is involved in the situation. I want things to turn " + "out well.";
  private static final String VAGUE =
      "Something has happened, and a decision has to be made. Things are still " + "uncertain.";
  private static final String STUFFED =
      RICH
          + " This is a profound moral dilemma of justice, fairness, compassion, "
          + "integrity and dignity, and the tension between competing values and duties demands moral reasoning.";
  private static final String ONE_SIDED =
      RICH + " Everyone agrees on what should be done, and doing it costs nothing.";
  private final ReplySchema schema = SampleSchemas.commons();

  private static Offer offer(String system, String observation, List<String> options) {
    return Cues.read(system, observation, Set.of(), options).offer();
  }

  @Test
  void readsWhatTheTextOffers() {
    List<String> options = List.of("fish: take fish from the lake", "rest: stay ashore");
    Offer rich = offer(SYSTEM, RICH, options);
    assertThat(rich.concreteFacts()).isGreaterThanOrEqualTo(2);
    assertThat(rich.specificGoal()).isTrue();
    assertThat(rich.contested()).isTrue();
    assertThat(rich.abstractPull()).isZero();
    Offer vague = offer(VAGUE_SYSTEM, VAGUE, options);
    assertThat(vague.concreteFacts()).isZero();
    assertThat(vague.specificGoal()).isFalse();
    assertThat(offer(SYSTEM, ONE_SIDED, options).contested()).isFalse();
    Offer stuffed = offer(SYSTEM, STUFFED, options);
    assertThat(stuffed.abstractPull()).isGreaterThan(0.5);
    assertThat(stuffed.abstractWords()).contains("justice", "moral");
  }

  private double meanWordsAbout(String system, String observation, Set<String> facts) {
    double hits = 0;
    for (long seed = 0; seed < 60; seed++) {
      String raw =
          SimModel.answer(
              List.of(PromptMessage.system(system), PromptMessage.user(observation)),
              Optional.of(schema.toJsonSchema()),
              seed,
              Optional.of("cooperative"));
      JsonNode reply = Json.parse(raw, "reply", JsonLimits.UNTRUSTED);
      String reasoning = reply.path("reasoning").asText().toLowerCase(java.util.Locale.ROOT);
      hits += facts.stream().filter(reasoning::contains).count();
    }
    return hits / 60;
  }

  @Test
  void aVagueObservationYieldsLessGroundedReasoningAndStuffingIsEchoed() {
    Set<String> facts = Set.of("60", "90", "ana", "bo", "children", "lake", "winter");
    assertThat(meanWordsAbout(SYSTEM, RICH, facts))
        .isGreaterThan(meanWordsAbout(VAGUE_SYSTEM, VAGUE, facts) + 1);
    Set<String> abstractions =
        Set.of("justice", "moral", "fairness", "compassion", "integrity", "dignity");
    assertThat(meanWordsAbout(SYSTEM, STUFFED, abstractions))
        .isGreaterThan(meanWordsAbout(SYSTEM, RICH, abstractions));
  }
}
