package io.aurelius.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.config.catalogue.Catalogue;
import io.aurelius.config.model.Action;
import io.aurelius.config.model.Framing;
import io.aurelius.config.model.ParamDecl;
import io.aurelius.config.model.ScenarioConfig;
import io.aurelius.config.model.Template;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CatalogueTest {
  private static final Set<String> FAMILIES =
      Set.of(
          "shared_resource_commons",
          "trust_dilemma_private_information",
          "public_goods",
          "triage_under_scarcity",
          "promises_and_reputation",
          "whistleblowing_information_asymmetry",
          "coalition_forming",
          "intergenerational_trade_off");

  @Test
  void eightScenariosOneFamilyEach() {
    List<String> names = Catalogue.names();
    assertThat(names).hasSizeGreaterThanOrEqualTo(8).doesNotHaveDuplicates();
    Set<String> families = new HashSet<>();
    for (String name : names) {
      ScenarioConfig c = Catalogue.load(name).orElseThrow().config();
      assertThat(c.name()).isEqualTo(name);
      families.add(c.labels().get("family"));
    }
    assertThat(families).containsAll(FAMILIES);
  }

  @Test
  void eachHasRealMechanicsAndBothFramings() {
    for (String name : Catalogue.names()) {
      ScenarioConfig c = Catalogue.load(name).orElseThrow().config();
      assertThat(c.worldState()).as(name).isNotEmpty();
      assertThat(c.agents()).as(name).hasSizeGreaterThanOrEqualTo(2);
      assertThat(c.agents()).as(name).allMatch(a -> a.displayName().isPresent());
      assertThat(c.actions())
          .as(name)
          .anyMatch(a -> a.precondition().isPresent())
          .anyMatch(a -> !a.effects().isEmpty())
          .anyMatch(
              a ->
                  a.parameters().values().stream()
                      .anyMatch(p -> !(p instanceof ParamDecl.TextParam)));
      assertThat(c.observations()).as(name).isNotEmpty();
      assertThat(c.events()).as(name).isNotEmpty();
      assertThat(
              !c.dynamics().isEmpty() || c.events().stream().anyMatch(e -> !e.effects().isEmpty()))
          .as(name)
          .isTrue();
      assertThat(
              c.agents().stream().anyMatch(a -> !a.privateKnowledge().isEmpty())
                  || c.observations().stream()
                      .anyMatch(
                          o -> o.visibleTo() instanceof io.aurelius.config.model.Visibility.When))
          .as(name)
          .isTrue();
      for (Framing f : Framing.values()) {
        Template premise = c.framings().premise(f);
        assertThat(premise.source().length()).as(name + " " + f).isGreaterThan(150);
      }
      assertThat(c.framings().premise(Framing.CONTROL).source()).as(name).contains("game");
    }
  }

  @Test
  void contestedDrawsAppearWhereNatural() {
    long withDraws =
        Catalogue.names().stream()
            .map(n -> Catalogue.load(n).orElseThrow().config())
            .filter(
                c -> c.actions().stream().map(Action::draw).anyMatch(java.util.Optional::isPresent))
            .count();
    assertThat(withDraws).isGreaterThanOrEqualTo(3);
  }

  @Test
  void unknownNameIsEmpty() {
    assertThat(Catalogue.load("no_such_scenario")).isEmpty();
    assertThat(Catalogue.bytes("../index")).isEmpty();
  }
}
