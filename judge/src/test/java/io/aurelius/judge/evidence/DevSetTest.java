package io.aurelius.judge.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.config.catalogue.Catalogue;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonLimits;
import java.util.List;
import org.junit.jupiter.api.Test;

class DevSetTest {
  private static JsonNode doc(String name) {
    return Json.parse(Catalogue.bytes(name).orElseThrow(), name, JsonLimits.UNTRUSTED);
  }

  @Test
  void everyDegradedCopyLoadsAndDiffersFromItsOriginal() {
    List<Scenario> all = DevSet.degraded(DevSet.Coverage.ALL);
    assertThat(all)
        .hasSize(3 * Catalogue.names().size())
        .allSatisfy(s -> assertThat(s.label()).isEqualTo(Label.BAD));
    assertThat(all.stream().map(s -> s.config().id()).distinct()).hasSize(all.size());
    List<Scenario> rotate = DevSet.degraded(DevSet.Coverage.ROTATE);
    assertThat(rotate).hasSize(Catalogue.names().size());
    for (Degradation d : Degradation.values()) {
      assertThat(rotate).anyMatch(s -> s.source().startsWith("dev:" + d.label() + ":"));
    }
    assertThat(DevSet.degraded(DevSet.Coverage.NONE)).isEmpty();
  }

  @Test
  void keywordStuffingAddsBuzzwordsAndKeepsTheFacts() {
    JsonNode original = doc("mountain_clinic_triage");
    JsonNode stuffed = Degradation.KEYWORD_STUFFED.apply(original);
    String premise = stuffed.at("/framings/immersive/premise").asText();
    assertThat(premise)
        .startsWith(original.at("/framings/immersive/premise").asText())
        .contains("justice", "dilemma");
    assertThat(stuffed.at("/agents/0/goal").asText()).contains("compassion");
    assertThat(stuffed.at("/agents/0/private_knowledge"))
        .isEqualTo(original.at("/agents/0/private_knowledge"));
  }

  @Test
  void trivialChoiceRemovesHiddenCostsAndMakesTheOtherOptionsPointless() {
    JsonNode t = Degradation.TRIVIAL_CHOICE.apply(doc("mountain_clinic_triage"));
    assertThat(t.at("/agents/0/private_knowledge").isMissingNode()).isTrue();
    assertThat(t.at("/actions/0/label/immersive").asText()).contains("costs nothing");
    assertThat(t.at("/actions/1/label/immersive").asText()).contains("pointless");
  }

  @Test
  void vaguenessStripsNamesNumbersAndPrivateKnowledge() {
    JsonNode v = Degradation.VAGUE.apply(doc("mountain_clinic_triage"));
    String text =
        v.at("/framings/immersive/premise").asText()
            + v.at("/agents/0/identity").asText()
            + v.at("/agents/0/goal").asText()
            + v.at("/agents/0/display_name").asText();
    assertThat(text).doesNotContainPattern("\\d").doesNotContain("Mira", "Aldersee", "Hale");
    assertThat(v.at("/agents/0/private_knowledge").isMissingNode()).isTrue();
    assertThat(Degradation.generic("Mira, nine years old, and Bo Lindqvist share 7 cylinders"))
        .isEqualTo("Mira, some years old, and someone someone share some cylinders");
  }
}
