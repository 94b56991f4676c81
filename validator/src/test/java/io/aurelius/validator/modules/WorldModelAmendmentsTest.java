package io.aurelius.validator.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.anchoring.covenant.Covenant;
import io.aurelius.anchoring.covenant.CovenantLog;
import io.aurelius.anchoring.testing.Fixtures;
import io.aurelius.config.module.Adoption;
import io.aurelius.config.module.ModuleLimits;
import io.aurelius.config.module.ModuleRegistry;
import io.aurelius.config.module.ShippedModules;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.json.Json;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each adoption is a covenant amendment; the covenant in force names the registry's version. */
class WorldModelAmendmentsTest {
  @TempDir Path dir;

  private static JsonNode doc(String name) {
    return Json.parse(ShippedModules.bytes(name).orElseThrow(), name, ModuleLimits.JSON);
  }

  @Test
  void adoptionsAreAmendmentsInOrder() throws Exception {
    Ed25519KeyPair validator = Fixtures.key(3);
    ModuleRegistry registry = ModuleRegistry.open(dir.resolve("wm"));
    try (CovenantLog covenant =
        CovenantLog.create(
            dir.resolve("covenant.git"),
            "aurelius.test/covenant",
            Fixtures.key(5),
            Fixtures.CLOCK,
            Fixtures.genesis(Fixtures.ORIGIN, List.of(), List.of()))) {
      assertThat(WorldModelAmendments.version(covenant.current())).isEmpty();
      Adoption first = registry.adopt(doc("promises"), List.of(validator));
      WorldModelAmendments.anchor(covenant, first);
      Adoption second = registry.adopt(doc("recollect"), List.of(validator));
      WorldModelAmendments.anchor(covenant, second);

      Covenant now = covenant.current();
      assertThat(now.entries()).isEqualTo(3);
      assertThat(WorldModelAmendments.version(now)).contains(registry.set().version());
      assertThat(now.parameters().at("/worldModel/modules/promises").asText())
          .isEqualTo(first.module().id().hex());
      assertThat(now.parameters().at("/worldModel/modules/recollect").asText())
          .isEqualTo(second.module().id().hex());
      assertThat(now.parameters().path("dlvThreshold").asDouble()).isEqualTo(0.6);

      assertThatThrownBy(() -> WorldModelAmendments.anchor(covenant, first))
          .hasMessageContaining("follows world model 0:");
    }
  }
}
