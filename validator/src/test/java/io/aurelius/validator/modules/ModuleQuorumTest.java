package io.aurelius.validator.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.config.ConfigDocuments;
import io.aurelius.config.module.ModuleSet;
import io.aurelius.config.module.WorldModelVersion;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.hash.ContentId;
import io.aurelius.core.identity.KeyId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Signed module verdicts and the higher, two-epoch quorum. */
class ModuleQuorumTest {
  private static final Ed25519KeyPair V1 = key(1);
  private static final Ed25519KeyPair V2 = key(2);
  private static final Ed25519KeyPair V3 = key(3);
  private static final ContentId MODULE = ContentId.of(new byte[] {7});
  private static final ModuleQuorum QUORUM = new ModuleQuorum(ModuleSettings.DEFAULTS);

  private static Ed25519KeyPair key(int b) {
    byte[] seed = new byte[32];
    java.util.Arrays.fill(seed, (byte) b);
    return Ed25519KeyPair.fromSeed(seed);
  }

  private static KeyId id(Ed25519KeyPair k) {
    return KeyId.of(k.publicKey());
  }

  private static ModuleVerdict verdict(Ed25519KeyPair k, long epoch, boolean passed) {
    ModuleVerdict v = new ModuleVerdict(epoch, id(k), MODULE, ModuleSet.BASE.version(), passed);
    return ModuleVerdict.verify(v.sign(k));
  }

  /** 60 / 30 / 10: two thirds of the stake is not three quarters. */
  private static final Map<KeyId, Long> STAKE = Map.of(id(V1), 60L, id(V2), 30L, id(V3), 10L);

  private static Map<Long, Map<KeyId, Long>> stakes(long... epochs) {
    Map<Long, Map<KeyId, Long>> out = new java.util.HashMap<>();
    for (long e : epochs) {
      out.put(e, STAKE);
    }
    return out;
  }

  @Test
  void aVerdictVerifiesOnlyWithItsValidatorsSignature() {
    ObjectNode signed =
        new ModuleVerdict(4, id(V1), MODULE, ModuleSet.BASE.version(), true).sign(V1);
    assertThat(ModuleVerdict.verify(signed).passed()).isTrue();
    signed.put("passed", false);
    assertThatThrownBy(() -> ModuleVerdict.verify(signed)).hasMessageContaining("does not verify");
    assertThatThrownBy(
            () -> new ModuleVerdict(4, id(V1), MODULE, ModuleSet.BASE.version(), true).sign(V2))
        .hasMessageContaining("signed by another key");
  }

  @Test
  void aPassingVerdictCarriesTheValidatorsApprovalOfTheNextVersionAndAForgedOneIsRefused() {
    WorldModelVersion next = WorldModelVersion.of(List.of(MODULE));
    ModuleVerdict approving =
        new ModuleVerdict(4, id(V1), MODULE, ModuleSet.BASE.version(), true).approving(next, V1);
    ObjectNode signed = approving.sign(V1);
    ModuleVerdict read = ModuleVerdict.verify(signed);
    assertThat(read.approval()).isPresent();
    assertThat(read.approval().get().next()).isEqualTo(next);
    assertThat(ConfigDocuments.verifies(read.approval().get().signature(), next.id())).isTrue();
    assertThat(signed.has("approval")).isTrue();

    // Another key's signature in the approval, re-signed as a whole by V1: still refused.
    ObjectNode forged = approving.unsigned();
    ((ObjectNode) forged.get("approval"))
        .put(
            "signature", java.util.Base64.getEncoder().encodeToString(V2.sign(next.id().digest())));
    assertThatThrownBy(() -> ModuleVerdict.verify(ConfigDocuments.sign(forged, V1)))
        .hasMessageContaining("approval does not verify");
    assertThatThrownBy(
            () ->
                new ModuleVerdict(4, id(V1), MODULE, ModuleSet.BASE.version(), false)
                    .approving(next, V1))
        .hasMessageContaining("only when passed");
  }

  @Test
  void threeQuartersOfTheStakeInTwoConsecutiveEpochsAdopts() {
    List<ModuleVerdict> v = new ArrayList<>();
    v.add(verdict(V1, 5, true));
    v.add(verdict(V2, 5, true));
    assertThat(QUORUM.decide(MODULE, v, stakes(5, 6))).isEmpty();
    v.add(verdict(V1, 6, true));
    v.add(verdict(V2, 6, true));
    v.add(verdict(V3, 6, false));
    ModuleQuorum.Decision d = QUORUM.decide(MODULE, v, stakes(5, 6)).orElseThrow();
    assertThat(d.epoch()).isEqualTo(6);
    assertThat(d.approvers()).containsExactly(id(V1), id(V2));
  }

  @Test
  void twoThirdsIsNotEnoughAndEpochsMustBeConsecutive() {
    List<ModuleVerdict> twoThirds =
        List.of(
            verdict(V1, 5, true), verdict(V3, 5, true), verdict(V1, 6, true), verdict(V3, 6, true));
    assertThat(QUORUM.decide(MODULE, twoThirds, stakes(5, 6))).isEmpty();
    List<ModuleVerdict> gap =
        List.of(
            verdict(V1, 5, true), verdict(V2, 5, true), verdict(V1, 7, true), verdict(V2, 7, true));
    assertThat(QUORUM.decide(MODULE, gap, stakes(5, 7))).isEmpty();
    ModuleQuorum lower = new ModuleQuorum(new ModuleSettings(2, 3, 2, 0.1, 30, 0.25));
    assertThat(lower.decide(MODULE, twoThirds, stakes(5, 6))).isPresent();
  }

  @Test
  void aSecondVerdictOfTheSameValidatorDoesNotCountTwice() {
    List<ModuleVerdict> v =
        List.of(
            verdict(V2, 5, false),
            verdict(V2, 5, true),
            verdict(V1, 5, true),
            verdict(V1, 6, true),
            verdict(V2, 6, true));
    assertThat(QUORUM.decide(MODULE, v, stakes(5, 6))).isEmpty();
  }
}
