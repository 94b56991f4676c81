package io.aurelius.validator.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.config.ConfigDocuments;
import io.aurelius.config.catalogue.Catalogue;
import io.aurelius.config.validation.Limits;
import io.aurelius.core.json.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The published configurations read back: what the epoch's benchmark suite samples from. */
class ConfigsRepositoryTest {
  @TempDir Path dir;

  private static JsonNode catalogue(int i) {
    String name = Catalogue.names().get(i);
    return Json.parse(Catalogue.bytes(name).orElseThrow(), name, Limits.JSON);
  }

  @Test
  void documentsAreEveryPublishedConfigurationOnce() {
    try (ConfigsRepository repo = ConfigsRepository.open(dir.resolve("configs.git"))) {
      assertThat(repo.documents()).isEmpty();
      JsonNode a = catalogue(0);
      JsonNode b = catalogue(1);
      String idA = ConfigDocuments.id(a).hex();
      String idB = ConfigDocuments.id(b).hex();
      assertThat(repo.publish(1, Map.of(idA, a))).isEqualTo(1);
      assertThat(repo.publish(2, Map.of(idA, a, idB, b))).isEqualTo(1);
      List<JsonNode> docs = repo.documents();
      assertThat(docs).hasSize(2).containsExactlyInAnyOrder(a, b);
    }
  }
}
