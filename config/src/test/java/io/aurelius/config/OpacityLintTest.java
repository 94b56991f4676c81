package io.aurelius.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.config.catalogue.Catalogue;
import io.aurelius.config.lint.Finding;
import io.aurelius.config.lint.OpacityLint;
import io.aurelius.config.lint.OpacityTerms;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpacityLintTest {
  private final OpacityLint lint = OpacityLint.bundled();

  private List<String> findings(ObjectNode doc) {
    return lint.check(ConfigLoader.load(doc, "doc").config()).stream()
        .map(f -> f.path() + "@" + f.position() + " " + f.found())
        .toList();
  }

  @Test
  void findsPlantedWordsWithPathAndPosition() {
    ObjectNode doc = Fixtures.commons();
    Fixtures.at(doc, "/agents/0")
        .put(
            "identity",
            "I am an AI in a Simulation, on round 3 of the Game, and my score matters.");
    Fixtures.at(doc, "/agents/1")
        .withArray("private_knowledge")
        .add("The researchers are watching.");
    Fixtures.at(doc, "/actions/1/label").put("immersive", "Skip this turn 2");
    Fixtures.at(doc, "/framings/immersive").put("premise", "This is a test of your payoff.");
    Fixtures.at(doc, "/observations/0").put("immersive", "{{ world.reef }} Points for players.");
    assertThat(findings(doc))
        .containsExactly(
            "$.agents[0].identity@8 AI",
            "$.agents[0].identity@16 Simulation",
            "$.agents[0].identity@31 round 3",
            "$.agents[0].identity@46 Game",
            "$.agents[0].identity@59 score",
            "$.agents[1].private_knowledge[1]@4 researchers",
            "$.actions[1].label.immersive@10 turn 2",
            "$.observations[0].immersive@17 Points",
            "$.observations[0].immersive@28 players",
            "$.framings.immersive.premise@10 test",
            "$.framings.immersive.premise@23 payoff");
  }

  @Test
  void respectsWordBoundariesExceptionsAndCase() {
    ObjectNode doc = Fixtures.commons();
    Fixtures.at(doc, "/agents/0")
        .put(
            "identity",
            "I am a gamekeeper's daughter, my role model "
                + "was my aunt, she points out the contest of wills; Aisha said her blood test was fine, "
                + "said tAIlor, and we stayed all year round.");
    assertThat(findings(doc)).isEmpty();
  }

  @Test
  void controlFramingAndInterpolationCodeAreExempt() {
    ObjectNode doc = Fixtures.commons();
    Fixtures.at(doc, "/world/state")
        .putObject("score")
        .put("type", "int")
        .put("initial", 0)
        .put("min", 0)
        .put("max", 9);
    Fixtures.at(doc, "/observations/0").put("immersive", "Reef {{ world.score }} today.");
    Fixtures.at(doc, "/observations/0")
        .put("control", "Your score in this game is {{ world.score }}.");
    assertThat(findings(doc)).isEmpty();
  }

  @Test
  void namesAndChoiceValuesAreChecked() {
    ObjectNode doc = Fixtures.commons();
    Fixtures.at(doc, "/actions/1").put("name", "win_game");
    Fixtures.at(doc, "/actions/2/parameters")
        .putObject("tone")
        .put("type", "string")
        .putArray("values")
        .add("calm")
        .add("the player voice");
    assertThat(findings(doc))
        .containsExactlyInAnyOrder(
            "$.actions[1].name@4 game", "$.actions[2].parameters.tone.values[1]@4 player");
  }

  @Test
  void termListIsVersionedData() {
    OpacityTerms terms = OpacityTerms.bundled();
    assertThat(terms.version()).isEqualTo("opacity-terms/1");
    assertThat(terms.size()).isGreaterThan(60);
  }

  @Test
  void everyCatalogueScenarioIsCleanInImmersiveFraming() {
    for (String name : Catalogue.names()) {
      List<Finding> findings = lint.check(Catalogue.load(name).orElseThrow().config());
      assertThat(findings).as(name).isEmpty();
    }
  }

  @Test
  void findingMessageNamesPathPositionAndExpectation() {
    assertThat(new Finding("$.agents[0].goal", 12, "Game", "game").toString())
        .isEqualTo(
            "$.agents[0].goal@12: \"Game\" tells the agent it is being evaluated (expected: immersive "
                + "text without the term 'game')");
  }
}
