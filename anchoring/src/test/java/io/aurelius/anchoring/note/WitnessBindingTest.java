package io.aurelius.anchoring.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.crypto.Sr25519KeyPair;
import io.aurelius.core.identity.KeyId;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WitnessBindingTest {
  private final Sr25519KeyPair hotkey = Sr25519KeyPair.generate();
  private final KeyId id = KeyId.of(hotkey.publicKey());
  private final Ed25519KeyPair logKey = Ed25519KeyPair.generate();
  private final VerifierKey witness = new NoteSigner(id.address(), logKey).cosignerKey();

  @Test
  void anSr25519HotkeyBindsItsCosignatureKeyAndOnlyItCan() throws Exception {
    WitnessBinding read = WitnessBinding.parse(WitnessBinding.sign(hotkey, witness).bytes());
    read.verify(id, KeyScheme.SR25519);
    assertThat(read.witnessKey()).isEqualTo(witness);

    assertThatThrownBy(() -> read.verify(id, KeyScheme.ED25519))
        .isInstanceOf(NoteVerificationException.class)
        .hasMessageContaining("signature does not verify");
    KeyId other = KeyId.of(Sr25519KeyPair.generate().publicKey());
    assertThatThrownBy(() -> read.verify(other, KeyScheme.SR25519))
        .hasMessageContaining("(expected: " + other + ")");

    // Another key put in the signed statement: the signature no longer holds.
    VerifierKey swapped = new NoteSigner(id.address(), Ed25519KeyPair.generate()).cosignerKey();
    String forged =
        new String(read.bytes(), StandardCharsets.UTF_8)
            .replace(witness.format(), swapped.format());
    assertThatThrownBy(
            () ->
                WitnessBinding.parse(forged.getBytes(StandardCharsets.UTF_8))
                    .verify(id, KeyScheme.SR25519))
        .hasMessageContaining("signature does not verify");
  }

  @Test
  void theKeyMustBeACosignatureKeyNamedByTheHotkeyAddress() {
    VerifierKey otherName = new NoteSigner("validator-2", logKey).cosignerKey();
    assertThatThrownBy(() -> WitnessBinding.sign(hotkey, otherName))
        .hasMessageContaining("(expected: a type-04 key named " + id.address() + ")");
    VerifierKey logType = new NoteSigner(id.address(), logKey).verifierKey();
    assertThatThrownBy(() -> WitnessBinding.sign(hotkey, logType))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WitnessBinding.parse("{\"schema\":\"x\"}".getBytes()))
        .isInstanceOf(MalformedNoteException.class);
  }

  @Test
  void anEd25519HotkeyIsItsOwnCosignatureKey() {
    Ed25519KeyPair ed = Ed25519KeyPair.generate();
    KeyId edId = KeyId.of(ed.publicKey());
    assertThat(WitnessBinding.ofEd25519Hotkey(edId))
        .isEqualTo(new NoteSigner(edId.address(), ed).cosignerKey());
  }

  @Test
  void theStakeOfAWitnessWithoutAKnownKeyCountsAgainstTheQuorum() throws Exception {
    NoteSigner log = new NoteSigner("aurelius.test/log", Ed25519KeyPair.generate());
    NoteSigner w = new NoteSigner(id.address(), logKey);
    String text = new Checkpoint("aurelius.test/log", 7, new byte[32]).text();
    SignedNote note = log.signNote(text).withSignature(w.cosign(text, 1_700_000_000L));
    Map<VerifierKey, Long> known = Map.of(witness, 600L);

    assertThat(new WitnessQuorum(known, StakeThreshold.TWO_THIRDS).assess(note).witnessed())
        .isTrue();
    WitnessQuorum.Assessment withUnknown =
        new WitnessQuorum(known, 400, StakeThreshold.TWO_THIRDS).assess(note);
    assertThat(withUnknown.witnessed()).isFalse();
    assertThat(withUnknown.totalStake()).hasToString("1000");
    assertThat(new WitnessQuorum(Map.of(), 5, StakeThreshold.TWO_THIRDS).hasWitnesses()).isTrue();
  }
}
