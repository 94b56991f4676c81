package io.aurelius.validator.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.config.module.ModuleLimits;
import io.aurelius.config.module.ModuleRegistry;
import io.aurelius.config.module.ShippedModules;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry as git: one commit per adoption, committed once however often it is published, and a
 * registry that does not start with what was published is refused.
 */
class WorldModelRepositoryTest {
  private static final Ed25519KeyPair KEY = Ed25519KeyPair.generate();

  @TempDir Path dir;

  private static JsonNode doc(String name) {
    return Json.parse(ShippedModules.bytes(name).orElseThrow(), name, ModuleLimits.JSON);
  }

  @Test
  void eachAdoptionIsOneCommitAndPublishingAgainCommitsNothing() throws Exception {
    ModuleRegistry registry = ModuleRegistry.open(dir.resolve("wm"));
    registry.adopt(doc("promises"), List.of(KEY));
    try (WorldModelRepository repo = WorldModelRepository.open(dir.resolve("wm.git"))) {
      assertThat(repo.publish(registry)).isEqualTo(1);
      registry.adopt(doc("whisper"), List.of(KEY));
      registry.adopt(doc("recollect"), List.of(KEY));
      assertThat(repo.publish(registry)).isEqualTo(2);
      assertThat(repo.publish(registry)).isZero();
    }
    try (WorldModelRepository reopened = WorldModelRepository.open(dir.resolve("wm.git"))) {
      assertThat(reopened.publish(ModuleRegistry.open(dir.resolve("wm")))).isZero();
    }
    assertThat(WorldModelRepository.verifiedHead(dir.resolve("wm.git")))
        .isEqualTo(Files.readString(registry.file()));
  }

  @Test
  void aRegistryThatDoesNotStartWithThePublishedOneIsRefused() {
    ModuleRegistry first = ModuleRegistry.open(dir.resolve("first"));
    first.adopt(doc("promises"), List.of(KEY));
    ModuleRegistry other = ModuleRegistry.open(dir.resolve("other"));
    other.adopt(doc("whisper"), List.of(KEY));
    try (WorldModelRepository repo = WorldModelRepository.open(dir.resolve("wm.git"))) {
      repo.publish(first);
      assertThatThrownBy(() -> repo.publish(other))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("holds 1 adoptions that")
          .hasMessageNotContaining("\n");
    }
  }
}
