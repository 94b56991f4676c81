package io.aurelius.config.module;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.aurelius.config.schema.ConfigSchema;
import io.aurelius.config.schema.ModuleSchema;
import org.junit.jupiter.api.Test;

/** The published module schema agrees with the reader on the shipped modules and on bad input. */
class ModuleSchemaTest {
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private static final JsonSchema MODULE = FACTORY.getSchema(ModuleSchema.text());
  private static final JsonSchema CONFIG = FACTORY.getSchema(ConfigSchema.text());

  @Test
  void shippedModulesMatchTheSchema() {
    for (String name : ShippedModules.names()) {
      assertThat(MODULE.validate(ModulesTest.doc(name))).as(name).isEmpty();
    }
  }

  @Test
  void unknownMembersAndBadNamesAreOutsideTheSchema() {
    ObjectNode extra = ModulesTest.doc("whisper").put("phases", 1);
    assertThat(MODULE.validate(extra)).isNotEmpty();
    assertThat(Modules.validate(extra, ModuleSet.BASE).valid()).isFalse();
    ObjectNode underscore = ModulesTest.doc("recollect").put("name", "my_policy");
    assertThat(MODULE.validate(underscore)).isNotEmpty();
    assertThat(Modules.validate(underscore, ModuleSet.BASE).valid()).isFalse();
  }

  @Test
  void aConfigurationWithImportsMatchesTheConfigSchema() {
    JsonNode doc = ModulesTest.importing(ModulesTest.catalogue("oyster_reef_commons"));
    ((ObjectNode) doc).withArray("imports").addObject().put("module", "ab".repeat(32));
    assertThat(CONFIG.validate(doc)).isEmpty();
  }
}
