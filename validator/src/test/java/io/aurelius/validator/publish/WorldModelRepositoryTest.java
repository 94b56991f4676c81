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
import java.time.Instant;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry as git: one commit per adoption, committed once however often it is published, the
 * same commits for the same registry lines, and a registry that does not start with what was
 * published is refused.
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
  void twoRepositoriesOfTheSameRegistryHaveTheSameHeadWhenAndHoweverOftenTheyPublish()
      throws Exception {
    ModuleRegistry registry = ModuleRegistry.open(dir.resolve("a"));
    ObjectId a;
    try (WorldModelRepository repo = WorldModelRepository.open(dir.resolve("a.git"))) {
      for (String name : List.of("promises", "whisper", "recollect")) {
        registry.adopt(doc(name), List.of(KEY));
        repo.publish(registry);
      }
      a = head(dir.resolve("a.git"));
    }
    // Another validator's byte-identical registry, published all at once, on a later second.
    Files.createDirectories(dir.resolve("b"));
    Files.copy(registry.file(), dir.resolve("b").resolve(ModuleRegistry.FILE));
    long second = Instant.now().getEpochSecond();
    while (Instant.now().getEpochSecond() == second) {
      Thread.sleep(20);
    }
    try (WorldModelRepository repo = WorldModelRepository.open(dir.resolve("b.git"))) {
      assertThat(repo.publish(ModuleRegistry.open(dir.resolve("b")))).isEqualTo(3);
    }
    assertThat(head(dir.resolve("b.git"))).isEqualTo(a);
    try (Repository git =
            new FileRepositoryBuilder().setGitDir(dir.resolve("b.git").toFile()).build();
        RevWalk walk = new RevWalk(git)) {
      PersonIdent committer = walk.parseCommit(a).getCommitterIdent();
      assertThat(committer.getWhenAsInstant()).isEqualTo(Instant.ofEpochSecond(3));
      assertThat(committer.getName()).isEqualTo("aurelius validator");
    }
  }

  private static ObjectId head(Path gitDir) throws Exception {
    try (Repository git = new FileRepositoryBuilder().setGitDir(gitDir.toFile()).build()) {
      return git.resolve(WorldModelRepository.BRANCH);
    }
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
