package io.aurelius.worldmodel.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.config.catalogue.Catalogue;
import io.aurelius.config.model.Framing;
import io.aurelius.config.model.ScenarioConfig;
import io.aurelius.core.json.CanonicalJson;
import io.aurelius.worldmodel.framing.ActionMenu;
import org.junit.jupiter.api.Test;

/**
 * The reply schema is part of the prompt: in the immersive framing it must not give the game away
 * either.
 */
class ImmersiveSchemaLintTest {
  @Test
  void immersiveSchemasOfTheCatalogueRevealNothing() {
    for (String name : Catalogue.names()) {
      ScenarioConfig c = Catalogue.load(name).orElseThrow().config();
      String immersive =
          CanonicalJson.string(
              new ActionMenu(c, Framing.IMMERSIVE).schema(c.actions(), true).toJsonSchema());
      assertThat(RenderedTextLint.findings(immersive)).as(name).isEmpty();
      String control =
          CanonicalJson.string(
              new ActionMenu(c, Framing.CONTROL).schema(c.actions(), true).toJsonSchema());
      assertThat(control).contains("Reflect (no move this step)");
    }
  }
}
