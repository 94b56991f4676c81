package io.aurelius.validator.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.config.ConfigDocuments;
import io.aurelius.config.lineage.Fork;
import io.aurelius.config.module.Module;
import io.aurelius.config.module.ModuleLimits;
import io.aurelius.config.module.ModuleSet;
import io.aurelius.config.module.Modules;
import io.aurelius.config.module.ShippedModules;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.json.Json;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Adopted modules' authors share the reward, decaying, with a fork's parent's author. */
class ModuleRewardsTest {
  private static final Ed25519KeyPair ALICE = Ed25519KeyPair.fromSeed(new byte[32]);
  private static final Ed25519KeyPair BOB = Ed25519KeyPair.fromSeed(seed(9));
  private static final ModuleRewards REWARDS = new ModuleRewards(ModuleSettings.DEFAULTS);

  private static byte[] seed(int b) {
    byte[] s = new byte[32];
    java.util.Arrays.fill(s, (byte) b);
    return s;
  }

  private static ObjectNode doc(String name) {
    return (ObjectNode)
        Json.parse(ShippedModules.bytes(name).orElseThrow(), name, ModuleLimits.JSON);
  }

  @Test
  void aForkSharesWithItsParentsAuthorAndEverythingDecays() {
    Module whisper =
        Modules.validate(ConfigDocuments.sign(doc("whisper"), ALICE), ModuleSet.BASE)
            .module()
            .orElseThrow();
    ModuleSet set = ModuleSet.BASE.plus(whisper);
    ObjectNode fork =
        Fork.of(
            doc("whisper"),
            new Fork.Changes(Optional.empty(), Optional.empty(), Optional.of("A quieter word")));
    Module quieter = Modules.validate(ConfigDocuments.sign(fork, BOB), set).module().orElseThrow();
    set = set.plus(quieter);
    assertThat(quieter.info().parent()).contains(whisper.id());

    List<ModuleRewards.Adopted> adopted =
        List.of(new ModuleRewards.Adopted(whisper, 10), new ModuleRewards.Adopted(quieter, 20));
    Map<KeyId, Double> at20 = REWARDS.weights(adopted, set, 20);
    // whisper counts 1 - 10/30, quieter 1: shares 0.4 and 0.6 of 0.10; a quarter of quieter's to
    // Alice.
    assertThat(at20.get(KeyId.of(BOB.publicKey()))).isCloseTo(0.10 * 0.6 * 0.75, offset(1e-12));
    assertThat(at20.get(KeyId.of(ALICE.publicKey())))
        .isCloseTo(0.10 * 0.4 + 0.10 * 0.6 * 0.25, offset(1e-12));
    assertThat(at20.values().stream().mapToDouble(Double::doubleValue).sum())
        .isCloseTo(0.10, offset(1e-12));

    assertThat(REWARDS.weights(adopted, set, 50)).isEmpty();
    Map<KeyId, Double> at45 = REWARDS.weights(adopted, set, 45);
    assertThat(at45.values().stream().mapToDouble(Double::doubleValue).sum())
        .isCloseTo(0.10, offset(1e-12));
  }

  @Test
  void theSettingsDecideTheShareAndTheWindow() {
    Module whisper =
        Modules.validate(ConfigDocuments.sign(doc("whisper"), ALICE), ModuleSet.BASE)
            .module()
            .orElseThrow();
    ModuleSet set = ModuleSet.BASE.plus(whisper);
    List<ModuleRewards.Adopted> adopted = List.of(new ModuleRewards.Adopted(whisper, 10));
    KeyId alice = KeyId.of(ALICE.publicKey());

    ModuleRewards none = new ModuleRewards(new ModuleSettings(3, 4, 2, 0.0, 30, 0.25));
    assertThat(none.weights(adopted, set, 12).values()).allMatch(w -> w == 0.0);
    ModuleRewards fifth = new ModuleRewards(new ModuleSettings(3, 4, 2, 0.2, 5, 0.25));
    assertThat(fifth.weights(adopted, set, 12).get(alice)).isCloseTo(0.2, offset(1e-12));
    assertThat(fifth.weights(adopted, set, 15)).as("past a 5-epoch window").isEmpty();
    assertThat(REWARDS.weights(adopted, set, 15).get(alice)).isCloseTo(0.10, offset(1e-12));
  }
}
