package io.aurelius.config.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurelius.config.model.Signature;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.identity.KeyId;
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

  @Test
  void signaturesMadeElsewhereAreWrittenInAuthorOrderSoTwoRegistriesWriteTheSameLine()
      throws Exception {
    WorldModelVersion next =
        WorldModelVersion.of(List.of(ShippedModules.load("whisper", ModuleSet.BASE).id()));
    Signature a = signature(A, next);
    Signature b = signature(B, next);
    ModuleRegistry.open(dir.resolve("one")).adoptSigned(ModulesTest.doc("whisper"), List.of(a, b));
    ModuleRegistry.open(dir.resolve("two")).adoptSigned(ModulesTest.doc("whisper"), List.of(b, a));
    byte[] one = Files.readAllBytes(dir.resolve("one").resolve(ModuleRegistry.FILE));
    assertThat(Files.readAllBytes(dir.resolve("two").resolve(ModuleRegistry.FILE))).isEqualTo(one);
    assertThat(ModuleRegistry.open(dir.resolve("one")).adoptions().get(0).signatures())
        .extracting(s -> s.author().address())
        .isSorted()
        .hasSize(2);
  }

  @Test
  void aForgedDuplicatedOrUnorderedSignerIsRefusedOnAdoptionAndOnOpening() throws Exception {
    WorldModelVersion next =
        WorldModelVersion.of(List.of(ShippedModules.load("whisper", ModuleSet.BASE).id()));
    Signature a = signature(A, next);
    Signature forged = new Signature(a.author(), a.scheme(), signature(B, next).base64());
    ModuleRegistry r = ModuleRegistry.open(dir);
    assertThatThrownBy(() -> r.adoptSigned(ModulesTest.doc("whisper"), List.of(forged)))
        .hasMessageContaining("does not verify");
    assertThatThrownBy(() -> r.adoptSigned(ModulesTest.doc("whisper"), List.of(a, a)))
        .hasMessageContaining("signs twice");
    assertThat(r.adoptions()).isEmpty();

    r.adoptSigned(ModulesTest.doc("whisper"), List.of(a, signature(B, next)));
    Path file = dir.resolve(ModuleRegistry.FILE);
    String line = Files.readString(file);
    String first = a.base64();
    String other =
        r.adoptions().get(0).signatures().stream()
            .filter(s -> !s.author().equals(a.author()))
            .findFirst()
            .orElseThrow()
            .base64();
    Files.writeString(file, line.replace(first, other));
    assertThatThrownBy(() -> ModuleRegistry.open(dir))
        .hasMessageContaining("line 1: signature of " + a.author().address())
        .hasMessageContaining("does not verify");
    String aBlock = "{\"author\":\"" + a.author().address() + "\",\"signature\":\"" + first + "\"}";
    assertThat(line).contains(aBlock);
    Files.writeString(file, line.replace("\"signatures\":[", "\"signatures\":[" + aBlock + ","));
    assertThatThrownBy(() -> ModuleRegistry.open(dir)).hasMessageContaining("signs twice");
  }

  private static Signature signature(Ed25519KeyPair key, WorldModelVersion version) {
    return Signature.of(
        KeyId.of(key.publicKey()), KeyScheme.ED25519, key.sign(version.id().digest()));
  }
}
