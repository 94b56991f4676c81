package io.aurelius.config.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurelius.core.crypto.Ed25519KeyPair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry is append-only, signed, replayed on open, and refuses what admission refuses. */
class ModuleRegistryTest {
  private static final Ed25519KeyPair A = Ed25519KeyPair.fromSeed(new byte[32]);
  private static final Ed25519KeyPair B = Ed25519KeyPair.fromSeed(filled(7));

  @TempDir Path dir;

  private static byte[] filled(int b) {
    byte[] seed = new byte[32];
    java.util.Arrays.fill(seed, (byte) b);
    return seed;
  }

  @Test
  void adoptionsPersistAndReplayToTheSameVersion() {
    ModuleRegistry r = ModuleRegistry.open(dir);
    assertThat(r.set().version()).isEqualTo(WorldModelVersion.BASE);
    r.adopt(ModulesTest.doc("promises"), List.of(A, B));
    Adoption second = r.adopt(ModulesTest.doc("whisper"), List.of(A));
    assertThat(second.version().number()).isEqualTo(2);

    ModuleRegistry reopened = ModuleRegistry.open(dir);
    assertThat(reopened.set().version()).isEqualTo(second.version());
    assertThat(reopened.adoptions()).hasSize(2);
    assertThat(reopened.adoptions().get(0).signatures()).hasSize(2);
    assertThat(reopened.set().current("whisper").orElseThrow().id())
        .isEqualTo(second.module().id());
  }

  @Test
  void aRefusedModuleIsNotAppended() {
    ModuleRegistry r = ModuleRegistry.open(dir);
    r.adopt(ModulesTest.doc("whisper"), List.of(A));
    assertThatThrownBy(
            () -> r.adopt(ModulesTest.doc("whisper").put("title", "Same name"), List.of(A)))
        .hasMessageContaining("[name_collision]");
    assertThat(ModuleRegistry.open(dir).adoptions()).hasSize(1);
  }

  @Test
  void anEditedLineDoesNotOpen() throws Exception {
    ModuleRegistry r = ModuleRegistry.open(dir);
    r.adopt(ModulesTest.doc("promises"), List.of(A));
    r.adopt(ModulesTest.doc("whisper"), List.of(A));
    Path file = dir.resolve(ModuleRegistry.FILE);
    List<String> lines = Files.readAllLines(file);
    Files.write(file, List.of(lines.get(1), lines.get(0)));
    assertThatThrownBy(() -> ModuleRegistry.open(dir)).hasMessageContaining("line 1: previous");
    Files.write(
        file, List.of(lines.get(0), lines.get(1).replace("A private word", "A public word")));
    assertThatThrownBy(() -> ModuleRegistry.open(dir)).hasMessageContaining("line 2: version");
  }
}
